import type { Problem } from "../../domain/common/problem.ts";
import { ok, type Result } from "../../domain/common/result.ts";
import type { Figures } from "../../domain/applications/index.ts";
import type { Declaration, Scenario } from "../../domain/declaration/index.ts";
import { rehearsalFigures } from "../../domain/rehearsal/index.ts";
import type { Store } from "../../ports/store.ts";
import { applicationFigures } from "../application-figures.ts";
import type { DecisionTally } from "../decide-applications.ts";
import { actors, rehearsalContext, type RehearsalOptions } from "./rehearsal-context.ts";
import { rehearseRoll, type RollOutcome } from "./rehearse-roll.ts";
import { rehearseNominations, type NominationsOutcome } from "./rehearse-nominations.ts";
import { rehearseApplications } from "./rehearse-applications.ts";
import { rehearseVetting, type VettingOutcome } from "./rehearse-vetting.ts";
import { rehearseVoting, type VotingOutcome } from "./rehearse-voting.ts";
import { rehearseDeclaration } from "./rehearse-declaration.ts";

/** What a rehearsal produced: what each room found, the declaration, the archive and the timings (ms). */
export interface Rehearsal {
  readonly slug: string;
  readonly roll: RollOutcome;
  readonly nominations: NominationsOutcome;
  readonly applications: Readonly<Record<string, number>>;
  readonly decisions: DecisionTally;
  /** The applications room's published figures: rejections and exclusions by reason, appeals. */
  readonly figures: Figures;
  readonly vetting: VettingOutcome;
  readonly voting: VotingOutcome;
  readonly declaration: Declaration;
  readonly archive: string;
  readonly archiveSha256: string;
  readonly timings: Readonly<Record<string, number>>;
  /** This process's CPU time per step (ms); on PGlite it includes the database's work. */
  readonly cpu: Readonly<Record<string, number>>;
}

/**
 * Rehearses an election from a scenario through every room's real services, on the scenario's own
 * timetable: the roll imported and frozen, nominations made and closed, supporter applications
 * submitted, paid, confirmed and decided, vetting with appeals, credentials for the gathered
 * electorate, the generated votes cast, then close, count, sign-off, declaration and publication.
 * The generators decide what people do; each room's checks and the count find the outcomes.
 */
export async function rehearseElection(
  store: Store,
  scenario: Scenario,
  options: RehearsalOptions,
): Promise<Result<Rehearsal, Problem[]>> {
  const f = rehearsalFigures(scenario);
  if (!f.ok) return f;
  const ctx = rehearsalContext(store, { ...options, freezeDate: scenario.extras.freezeDate });
  const roll = await rehearseRoll(ctx, scenario, f.value);
  if (!roll.ok) return roll;
  const electionId = roll.value.electionId;
  const nominations = await rehearseNominations(ctx, scenario);
  if (!nominations.ok) return nominations;
  const applications = await rehearseApplications(ctx, scenario, f.value, electionId);
  if (!applications.ok) return applications;
  const vetting = await rehearseVetting(ctx, f.value, electionId);
  if (!vetting.ok) return vetting;
  const figures = await applicationFigures(store, { actor: actors.officer, source: "cli" }, electionId);
  if (!figures.ok) return figures;
  const voting = await rehearseVoting(ctx, scenario, electionId);
  if (!voting.ok) return voting;
  const declared = await rehearseDeclaration(ctx, electionId);
  if (!declared.ok) return declared;
  return ok({
    slug: options.slug,
    roll: roll.value,
    nominations: nominations.value,
    applications: applications.value.applications,
    decisions: applications.value.tally,
    figures: figures.value,
    vetting: vetting.value,
    voting: voting.value,
    ...declared.value,
    timings: ctx.timings,
    cpu: ctx.cpu,
  });
}
