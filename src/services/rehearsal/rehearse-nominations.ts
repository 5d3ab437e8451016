import type { Problem } from "../../domain/common/problem.ts";
import { ok, type Result } from "../../domain/common/result.ts";
import type { Scenario } from "../../domain/declaration/index.ts";
import { importNominatingBodies } from "../import-nominating-bodies.ts";
import { makeNomination } from "../make-nomination.ts";
import { closeNominations } from "../close-nominations.ts";
import { actors, dayAfter, days, timed, type RehearsalContext } from "./rehearsal-context.ts";

/** The nominating body's size and threshold: 2016's 20% of 254 MPs and MEPs, so 51 nominations. */
const body = { size: 254, percent: "20", perChallenger: 172 };

/** The ballot paper's candidate id for the scenario's k-th candidate. */
export const candidateKey = (k: number): string => `c${k + 1}`;

/** What nominations did: nominations made and who stands. */
export interface NominationsOutcome {
  readonly nominations: number;
  readonly ballotPaper: readonly string[];
}

/**
 * Nominations through the nominations room, with the 2016 rule: a challenger needs nominations from
 * 20% of the MPs and MEPs (51 of 254); the incumbent stands by right. Each challenger is nominated by
 * an equal share of the MPs (2016: Owen Smith by 172), and the close fixes the ballot paper in the
 * scenario's candidate order.
 */
export async function rehearseNominations(
  ctx: RehearsalContext,
  s: Scenario,
): Promise<Result<NominationsOutcome, Problem[]>> {
  return timed(ctx, "nominations", async () => {
    const fz = s.extras.freezeDate;
    const deps = { now: ctx.now };
    const setup = {
      opensAt: dayAfter(fz, days.nominationsOpen).toISOString(),
      closesAt: dayAfter(fz, days.nominationsClose, 17).toISOString(),
      seats: 1,
      incumbentOnBallotByRight: s.extras.incumbent !== undefined,
      consentRequired: false,
      ballotOrder: s.candidates.map((_, k) => candidateKey(k)),
      threshold: { kind: "share", body: "plp", percent: body.percent },
      bodies: [
        {
          id: "plp",
          name: "MPs and MEPs",
          kind: "individuals",
          sizeAtOpening: body.size,
          nominators: Array.from({ length: body.size }, (_, i) => ({
            id: `mp-${i + 1}`,
            name: `MP ${i + 1}`,
            authorised: [`rehearsal:mp-${i + 1}`],
          })),
        },
      ],
      candidates: s.candidates.map((name, k) => ({
        id: candidateKey(k),
        name,
        ...(name === s.extras.incumbent ? { incumbent: true } : {}),
        account: `rehearsal:candidate-${k + 1}`,
      })),
    };
    ctx.at(days.nominationsOpen - 1);
    const imported = await importNominatingBodies(
      ctx.store,
      deps,
      actors.officer,
      { slug: ctx.slug, setup },
      "cli",
    );
    if (!imported.ok) return imported;
    const challengers = s.candidates.flatMap((name, k) => (name === s.extras.incumbent ? [] : [k]));
    const each = Math.min(body.perChallenger, Math.floor(body.size / Math.max(1, challengers.length)));
    ctx.at(days.nominationsOpen + 1);
    let made = 0;
    for (const [j, k] of challengers.entries())
      for (let n = 0; n < each; n++) {
        const mp = j * each + n + 1;
        const r = await makeNomination(
          ctx.store,
          deps,
          { id: `rehearsal:mp-${mp}`, role: "nominator" },
          { slug: ctx.slug, nominator: `mp-${mp}`, candidate: candidateKey(k) },
          "cli",
        );
        if (!r.ok) return r;
        made++;
      }
    ctx.at(days.nominationsClose, 18);
    const closed = await closeNominations(ctx.store, deps, actors.officer, { slug: ctx.slug }, "cli");
    if (!closed.ok) return closed;
    return ok({ nominations: made, ballotPaper: closed.value.ballotPaper.entries.map((e) => e.name) });
  });
}
