import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  candidateId,
  findNominator,
  makeNomination as decide,
  nominationId,
  nominatorId,
  type Nomination,
} from "../domain/nominations/index.ts";
import type { Store } from "../ports/store.ts";
import { insertNomination, loadNominations } from "../adapters/storage/repos/nominations.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import {
  appendEvents,
  auditRefusal,
  electionIdFor,
  isAccessRefusal,
  newNominationId,
  type NominationsDeps,
  type Source,
} from "./nominations-kit.ts";

/** A nomination request as an adapter passes it. `paper`: staff entering a signed paper form. */
export interface MakeNominationInput {
  readonly slug: string;
  readonly nominator: string;
  readonly candidate: string;
  readonly paper?: boolean;
}

// PostgreSQL's unique violation: the constraint caught a concurrent nomination by the same nominator.
const UNIQUE_VIOLATION = "23505";

/**
 * Makes a nomination: the caller must be signed in as a nominator authorised for that nominator (or as
 * staff entering a paper form), within the window the server's clock enforces. One transaction stores
 * it with a `nomination-made` record event and an audit entry; a caller refused for who they are is audited apart.
 */
export async function makeNomination(
  store: Store,
  deps: NominationsDeps,
  actor: Actor | undefined,
  input: MakeNominationInput,
  source: Source,
): Promise<Result<Nomination, Problem[]>> {
  const id = nominationId(newNominationId(deps));
  for (let attempt = 0; ; attempt++) {
    let electionId: string | undefined;
    try {
      const result = await store.transaction(async (tx) => {
        electionId = await electionIdFor(tx, input.slug);
        if (!electionId) return err([problem("not-found", { field: "election", value: input.slug })]);
        const allowed = authorise(
          actor,
          input.paper ? "nominations.enter-paper" : "nominations.make",
          electionId,
        );
        if (!allowed.ok) return err([allowed.error]);
        const loaded = await loadNominations(tx, electionId, "change");
        if (!loaded) return err([problem("nomination.not-set-up")]);
        const now = deps.now();
        const decision = decide(
          loaded.state,
          {
            id,
            nominator: nominatorId(input.nominator),
            candidate: candidateId(input.candidate),
            by: allowed.value.id,
            aliases: allowed.value.aliases ?? [],
            paper: input.paper === true,
          },
          loaded.rules,
          now,
        );
        if (!decision.ok) return decision;
        const { nomination } = decision.value;
        const body = findNominator(loaded.state.bodies, nomination.nominator)!.body;
        await insertNomination(tx, electionId, nomination, {
          exclusive: body.onePerNominator,
          onPaper: input.paper === true,
        });
        await appendEvents(tx, electionId, decision.value.events, now);
        await appendAudit(
          tx,
          electionId,
          {
            actor: allowed.value,
            action: input.paper ? "nominations.enter-paper" : "nominations.make",
            subject: nomination.id,
            outcome: "succeeded",
            source,
            details: {
              nominator: nomination.nominator,
              body: nomination.body,
              candidate: nomination.candidate,
            },
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
          "nominations.make",
          input.nominator,
          result.error,
          source,
          deps.now(),
        );
      return result;
    } catch (e) {
      // A concurrent nomination won the race; decide again, now seeing it, so the refusal names it.
      if ((e as { code?: unknown }).code === UNIQUE_VIOLATION && attempt < 2) continue;
      throw e;
    }
  }
}
