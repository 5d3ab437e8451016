import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Declaration } from "../domain/declaration/index.ts";
import type { Store } from "../ports/store.ts";
import { advanceStatus, findDeclaration } from "../adapters/storage/repos/declaration.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { auditRefusal, type DeclarationDeps, type Source } from "./declaration-kit.ts";

/**
 * The returning officer declares the result, only after the scrutineer's sign-off:
 * `result-declared` joins the record with the winners, the totals and the declaration's hash.
 */
export async function declareResult(
  store: Store,
  deps: DeclarationDeps,
  actor: Actor | undefined,
  input: { electionId: string },
  source: Source,
): Promise<Result<Declaration, Problem[]>> {
  const allowed = authorise(actor, "result.declare", input.electionId);
  if (!allowed.ok) return err([allowed.error]);
  const now = deps.now();
  const result = await store.transaction(async (tx): Promise<Result<Declaration, Problem[]>> => {
    const d = await findDeclaration(tx, input.electionId, true);
    if (!d) return err([problem("declaration.not-counted")]);
    if (d.status !== "signed-off")
      return err([
        problem("declaration.wrong-step", {
          facts: { status: d.status, needed: "signed off by the scrutineer" },
        }),
      ]);
    await advanceStatus(tx, input.electionId, "signed-off", "declared", now);
    const t = d.declaration.total;
    const payload = {
      declarationHash: d.declarationHash,
      elected: [...d.declaration.elected],
      validVotes: t.valid,
      spoilt: t.spoilt,
      eligible: t.eligible ?? 0,
      turnoutPercent: t.turnoutPercent ?? "",
    };
    await appendRecord(tx, input.electionId, { type: "result-declared", payload }, now);
    await appendAudit(
      tx,
      input.electionId,
      { actor: allowed.value, action: "result.declare", outcome: "succeeded", source, details: payload },
      now,
    );
    return ok(d.declaration);
  });
  if (!result.ok && actor)
    await auditRefusal(store, input.electionId, actor, "result.declare", result.error, source, now);
  return result;
}
