import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { advanceStatus, findDeclaration } from "../adapters/storage/repos/declaration.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { auditRefusal, type DeclarationDeps, type Source } from "./declaration-kit.ts";

/**
 * The scrutineer signs off the count (having checked the count sheet and the declaration they were
 * shown, named by its hash): `count-signed-off` joins the record. Until this step nothing can be
 * declared or published. Giving the hash makes sure the scrutineer signs what they actually saw.
 */
export async function signOffCount(
  store: Store,
  deps: DeclarationDeps,
  actor: Actor | undefined,
  input: { electionId: string; declarationHash: string },
  source: Source,
): Promise<Result<{ signedOffAt: Date }, Problem[]>> {
  const allowed = authorise(actor, "count.sign-off", input.electionId);
  if (!allowed.ok) return err([allowed.error]);
  const now = deps.now();
  const result = await store.transaction(async (tx): Promise<Result<{ signedOffAt: Date }, Problem[]>> => {
    const d = await findDeclaration(tx, input.electionId, true);
    if (!d) return err([problem("declaration.not-counted")]);
    if (d.status !== "counted")
      return err([
        problem("declaration.wrong-step", {
          facts: { status: d.status, needed: "counted and not yet signed off" },
        }),
      ]);
    if (d.declarationHash !== input.declarationHash)
      return err([
        problem("declaration.wrong-step", {
          value: input.declarationHash,
          facts: {
            status: "a different declaration from the one given",
            needed: `the declaration ${d.declarationHash}`,
          },
        }),
      ]);
    await advanceStatus(tx, input.electionId, "counted", "signed-off", now, allowed.value.id);
    await appendRecord(
      tx,
      input.electionId,
      { type: "count-signed-off", payload: { declarationHash: d.declarationHash } },
      now,
    );
    await appendAudit(
      tx,
      input.electionId,
      {
        actor: allowed.value,
        action: "count.sign-off",
        outcome: "succeeded",
        source,
        details: { declarationHash: d.declarationHash },
      },
      now,
    );
    return ok({ signedOffAt: now });
  });
  if (!result.ok && actor)
    await auditRefusal(store, input.electionId, actor, "count.sign-off", result.error, source, now);
  return result;
}
