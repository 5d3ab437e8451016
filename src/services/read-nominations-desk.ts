import { accountIdsOf, authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  candidaciesOf,
  nominationsTable,
  nominatorsFor,
  type Candidate,
  type DeskNominator,
  type NominationsTable,
} from "../domain/nominations/index.ts";
import type { Store } from "../ports/store.ts";
import { loadNominations } from "../adapters/storage/repos/nominations.ts";
import type { NominationsOutcome } from "./close-nominations.ts";
import { electionIdFor, type NominationsDeps } from "./nominations-kit.ts";

/**
 * How the caller works on nominations: `nominator`, an officer of a nominating body acting for the
 * nominators its body lists them for; `paper`, staff entering signed paper forms for any nominator;
 * `candidate`, consenting to their own candidacy.
 */
export type DeskMode = "nominator" | "paper" | "candidate";

/** What the console's nominations page shows one caller. */
export interface NominationsDesk {
  readonly mode: DeskMode;
  /** The nominators the caller may act for, each with its live nominations. */
  readonly nominators: readonly DeskNominator[];
  /** The candidacies the caller may consent to (candidate mode only), and whether they have. */
  readonly candidacies: readonly (Candidate & { readonly consented: boolean })[];
  readonly table: NominationsTable;
  readonly outcome: NominationsOutcome | null;
  /** Whether the caller may close nominations (the returning officer, an administrator). */
  readonly mayClose: boolean;
}

const modeOf = (actor: Actor | undefined): { mode: DeskMode; action: Parameters<typeof authorise>[1] } =>
  actor?.role === "nominator"
    ? { mode: "nominator", action: "nominations.make" }
    : actor?.role === "candidate"
      ? { mode: "candidate", action: "nominations.consent" }
      : { mode: "paper", action: "nominations.enter-paper" };

/**
 * The nominations as one signed-in caller works on them. A nominating body's officer sees only the
 * nominators their body lists them for (by account id or `email:<address>`); staff see every
 * nominator, for paper forms; a candidate sees their own candidacy. The changes themselves go
 * through makeNomination, withdrawNomination and consentToNomination, which check the lists again.
 */
export async function readNominationsDesk(
  store: Store,
  deps: NominationsDeps,
  actor: Actor | undefined,
  input: { slug: string },
): Promise<Result<NominationsDesk, Problem[]>> {
  const { mode, action } = modeOf(actor);
  return store.read(async (tx) => {
    const electionId = await electionIdFor(tx, input.slug);
    if (!electionId) return err([problem("not-found", { field: "election", value: input.slug })]);
    const allowed = authorise(actor, action, electionId);
    if (!allowed.ok) return err([allowed.error]);
    const loaded = await loadNominations(tx, electionId);
    if (!loaded) return err([problem("nomination.not-set-up")]);
    const ids = accountIdsOf(allowed.value);
    const { state } = loaded;
    return ok({
      mode,
      nominators: mode === "candidate" ? [] : nominatorsFor(state, mode === "paper" ? "paper" : ids),
      candidacies:
        mode === "candidate"
          ? candidaciesOf(state, ids).map((c) => ({ ...c, consented: state.consents.includes(c.id) }))
          : [],
      table: nominationsTable(state, loaded.rules, deps.now()),
      outcome: (loaded.outcome as NominationsOutcome | null) ?? null,
      mayClose: authorise(actor, "nominations.close", electionId).ok,
    });
  });
}
