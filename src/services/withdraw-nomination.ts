import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { nominationId, withdrawNomination as decide, type Nomination } from "../domain/nominations/index.ts";
import type { Store } from "../ports/store.ts";
import { loadNominations, markWithdrawn } from "../adapters/storage/repos/nominations.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import {
  appendEvents,
  auditRefusal,
  electionIdFor,
  isAccessRefusal,
  type NominationsDeps,
  type Source,
} from "./nominations-kit.ts";

/**
 * Withdraws a nomination while the window is open: by a nominator authorised for it, or by staff
 * acting on a signed withdrawal form (`paper`). The nomination stays on file, marked withdrawn.
 */
export async function withdrawNomination(
  store: Store,
  deps: NominationsDeps,
  actor: Actor | undefined,
  input: { slug: string; nomination: string; paper?: boolean },
  source: Source,
): Promise<Result<Nomination, Problem[]>> {
  let electionId: string | undefined;
  const result = await store.transaction(async (tx) => {
    electionId = await electionIdFor(tx, input.slug);
    if (!electionId) return err([problem("not-found", { field: "election", value: input.slug })]);
    const allowed = authorise(actor, "nominations.withdraw", electionId);
    if (!allowed.ok) return err([allowed.error]);
    // Only staff roles may act on paper; a nominator always acts in their own name.
    const paper = input.paper === true && authorise(actor, "nominations.enter-paper", electionId).ok;
    const loaded = await loadNominations(tx, electionId, "change");
    if (!loaded) return err([problem("nomination.not-set-up")]);
    const now = deps.now();
    const decision = decide(
      loaded.state,
      {
        nomination: nominationId(input.nomination),
        by: allowed.value.id,
        aliases: allowed.value.aliases ?? [],
        paper,
      },
      loaded.rules,
      now,
    );
    if (!decision.ok) return decision;
    const { nomination } = decision.value;
    // A concurrent withdrawal got there first: report it as the decision would have.
    if (!(await markWithdrawn(tx, electionId, nomination.id, now, allowed.value.id)))
      return err([problem("nomination.already-withdrawn", { field: "nomination", value: nomination.id })]);
    await appendEvents(tx, electionId, decision.value.events, now);
    await appendAudit(
      tx,
      electionId,
      {
        actor: allowed.value,
        action: "nominations.withdraw",
        subject: nomination.id,
        outcome: "succeeded",
        source,
        details: { nominator: nomination.nominator, candidate: nomination.candidate, paper },
      },
      now,
    );
    return ok(nomination);
  });
  if (!result.ok && actor && electionId && isAccessRefusal(result.error))
    await auditRefusal(
      store,
      electionId,
      actor,
      "nominations.withdraw",
      input.nomination,
      result.error,
      source,
      deps.now(),
    );
  return result;
}
