import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { candidateId, consentToNomination as decide } from "../domain/nominations/index.ts";
import type { Store } from "../ports/store.ts";
import { loadNominations, markConsented } from "../adapters/storage/repos/nominations.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import {
  appendEvents,
  auditRefusal,
  electionIdFor,
  isAccessRefusal,
  type NominationsDeps,
  type Source,
} from "./nominations-kit.ts";

/** Records the signed-in candidate's consent to their own nomination; a repeat changes nothing. */
export async function consentToNomination(
  store: Store,
  deps: NominationsDeps,
  actor: Actor | undefined,
  input: { slug: string; candidate: string },
  source: Source,
): Promise<Result<{ alreadyConsented: boolean }, Problem[]>> {
  let electionId: string | undefined;
  const result = await store.transaction(async (tx) => {
    electionId = await electionIdFor(tx, input.slug);
    if (!electionId) return err([problem("not-found", { field: "election", value: input.slug })]);
    const allowed = authorise(actor, "nominations.consent", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const loaded = await loadNominations(tx, electionId, "change");
    if (!loaded) return err([problem("nomination.not-set-up")]);
    const now = deps.now();
    const decision = decide(
      loaded.state,
      { candidate: candidateId(input.candidate), by: allowed.value.id, aliases: allowed.value.aliases ?? [] },
      loaded.rules,
      now,
    );
    if (!decision.ok) return decision;
    if (decision.value.alreadyConsented) return ok({ alreadyConsented: true });
    await markConsented(tx, electionId, decision.value.candidate, now);
    await appendEvents(tx, electionId, decision.value.events, now);
    await appendAudit(
      tx,
      electionId,
      {
        actor: allowed.value,
        action: "nominations.consent",
        subject: input.candidate,
        outcome: "succeeded",
        source,
      },
      now,
    );
    return ok({ alreadyConsented: false });
  });
  if (!result.ok && actor && electionId && isAccessRefusal(result.error))
    await auditRefusal(
      store,
      electionId,
      actor,
      "nominations.consent",
      input.candidate,
      result.error,
      source,
      deps.now(),
    );
  return result;
}
