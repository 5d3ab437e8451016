import { Readable } from "node:stream";
import type { Problem } from "../../domain/common/problem.ts";
import { err, ok, type Result } from "../../domain/common/result.ts";
import type { Scenario } from "../../domain/declaration/index.ts";
import {
  generateRoll,
  memberRules,
  rollMapping,
  type RehearsalFigures,
} from "../../domain/rehearsal/index.ts";
import { defineElection } from "../define-election.ts";
import { importRoll } from "../import-roll.ts";
import { freezeRoll } from "../freeze-roll.ts";
import { actors, dayAfter, days, timed, type RehearsalContext } from "./rehearsal-context.ts";

/** What the roll step found: rows imported, members frozen, and those the freeze left out, by reason. */
export interface RollOutcome {
  readonly electionId: string;
  readonly rows: number;
  readonly frozen: number;
  readonly leftOutByReason: Readonly<Record<string, number>>;
}

/**
 * Defines the election, imports the generated roll through the roll import service and freezes it:
 * the member section is whoever the freeze rule admits (joined by the freeze date, paid up, owing
 * nothing), worked out by the electorate room from the rows, not told by the generator.
 */
export async function rehearseRoll(
  ctx: RehearsalContext,
  s: Scenario,
  f: RehearsalFigures,
): Promise<Result<RollOutcome, Problem[]>> {
  const deps = { now: ctx.now, hash: ctx.hash };
  ctx.at(0);
  const defined = await timed(ctx, "define election", () =>
    defineElection(ctx.store, deps, actors.admin, definitionFor(s, ctx.slug), "cli"),
  );
  if (!defined.ok) return defined;
  const members = f.sections.find((x) => x.kind === "members");
  if (!members) return ok({ electionId: defined.value.id, rows: 0, frozen: 0, leftOutByReason: {} });
  const csv = generateRoll({ eligible: members.admitted, ...f.roll }, s.extras.freezeDate, ctx.seed);
  ctx.at(days.rollImport);
  const imported = await timed(ctx, "import roll", () =>
    importRoll(
      ctx.store,
      deps,
      actors.officer,
      { election: ctx.slug, open: () => Readable.from([csv]), mapping: rollMapping, mode: "apply" },
      "cli",
    ),
  );
  if (!imported.ok) return imported;
  if (imported.value.kind !== "imported") return err([]);
  const frozen = await timed(ctx, "freeze roll", () =>
    freezeRoll(ctx.store, deps, actors.officer, { election: ctx.slug, check: false }, "cli"),
  );
  if (!frozen.ok) return frozen;
  if (frozen.value.kind !== "frozen") return err([]);
  return ok({
    electionId: defined.value.id,
    rows: imported.value.rows,
    frozen: frozen.value.members,
    leftOutByReason: Object.fromEntries(
      Object.entries(frozen.value.excludedByReason).filter(([, n]) => n > 0),
    ),
  });
}

/** An election definition for the scenario on the rehearsal's timetable, valid for the electorate room's checks. */
function definitionFor(s: Scenario, slug: string): unknown {
  const at = (d: number, h = 9) => dayAfter(s.extras.freezeDate, d, h).toISOString();
  return {
    id: slug,
    title: s.name,
    office: s.name,
    seats: 1,
    method: "av",
    timetable: {
      nominationsOpen: at(days.nominationsOpen),
      nominationsClose: at(days.nominationsClose, 17),
      freezeDate: s.extras.freezeDate,
      supporterApplicationsOpen: at(days.applicationsOpen),
      supporterApplicationsClose: at(days.applicationsClose, 17),
      votingOpens: at(days.votingOpens),
      votingCloses: at(days.votingCloses, 12),
      declaration: at(days.declaration, 11),
    },
    sections: s.sections.map((x) => ({
      id: x.id,
      label: x.label,
      source:
        x.kind === "members"
          ? { kind: "roll", rules: memberRules(s.extras.freezeDate) }
          : { kind: "applications", applicationType: `${x.kind}-supporter` },
    })),
    regions: [],
  };
}
