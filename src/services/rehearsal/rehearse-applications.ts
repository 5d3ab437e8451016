import type { Problem } from "../../domain/common/problem.ts";
import { ok, type Result } from "../../domain/common/result.ts";
import { calendarDate } from "../../domain/applications/index.ts";
import type { Scenario } from "../../domain/declaration/index.ts";
import {
  person,
  planApplications,
  type ApplicationsPlan,
  type RehearsalFigures,
} from "../../domain/rehearsal/index.ts";
import { reconciliationCsvSource } from "../../adapters/payments/reconciliation-csv.ts";
import { configureApplications } from "../configure-applications.ts";
import { importRegisterExtract } from "../import-register-extract.ts";
import { submitApplications } from "../submit-application.ts";
import { recordPaymentEvents } from "../record-payment-events.ts";
import { appointUnionOfficer, uploadUnionList } from "../confirm-affiliated.ts";
import { decideApplications, type DecisionTally } from "../decide-applications.ts";
import { rollEligiblePeople } from "../roll-eligible.ts";
import { actors, dayAfter, days, timed, type RehearsalContext } from "./rehearsal-context.ts";

/** The registered-supporter fee the rehearsal charges (2016: £25), in pence. */
export const rehearsalFeePence = 2500;

/** Applications per `submitApplications` call: a web form's worth of work is small, so batch widely. */
const submissionBatch = 1000;

/** What the applications step did: applications per section and what the decision run found. */
export interface ApplicationsOutcome {
  readonly applications: Readonly<Record<string, number>>;
  readonly tally: DecisionTally;
}

/**
 * Supporter applications through the applications room: each section configured, the register extract
 * imported, every planned application submitted through `submitApplications` in arrival order during
 * the window (a batch at a time), the payment provider's reconciliation file imported (failures, and failures put right),
 * the unions' lists uploaded by their officers, and one decision run after the deadlines. The
 * decision finds the duplicates, the unpaid, the register failures and the already eligible itself.
 */
export async function rehearseApplications(
  ctx: RehearsalContext,
  s: Scenario,
  f: RehearsalFigures,
  electionId: string,
): Promise<Result<ApplicationsOutcome, Problem[]>> {
  const fz = s.extras.freezeDate;
  const supporters = f.sections.filter((x) => x.kind !== "members");
  const pollingYear = dayAfter(fz, days.votingCloses).getUTCFullYear();
  const members = f.sections.find((x) => x.kind === "members")?.admitted ?? 0;
  const memberForm = (j: number) => {
    const p = person("m", j);
    return {
      forenames: p.forenames,
      surname: p.surname,
      email: p.email,
      addressLine1: p.addressLine1,
      postcode: p.postcode,
    };
  };
  const plans: ApplicationsPlan[] = supporters.map((x, i) =>
    planApplications(x, pollingYear, memberForm, members, ctx.seed + 17 * (i + 1)),
  );
  const appCtx = { actor: actors.officer, source: "cli" as const };
  const deps = { now: ctx.now, publicUrl: "http://127.0.0.1" };
  ctx.at(days.applicationsOpen - 1);
  for (const x of supporters) {
    const configured = await configureApplications(ctx.store, deps, appCtx, {
      electionId,
      sectionId: x.id,
      kind: x.kind === "affiliated" ? "affiliated" : "registered",
      opensAt: dayAfter(fz, days.applicationsOpen),
      closesAt: dayAfter(fz, days.applicationsClose, 17),
      feePence: x.kind === "registered" ? rehearsalFeePence : 0,
      paymentDeadline: dayAfter(fz, days.paymentDeadline, 17),
      unionDeadline: dayAfter(fz, days.unionDeadline, 12),
      pollingDay: calendarDate(dayAfter(fz, days.votingCloses).toISOString().slice(0, 10))!,
      appealWindowDays: 7,
      declaration: {
        version: "rehearsal-1",
        aimsAndValues:
          "I support the aims and values of the Party and am not a member of any organisation opposed to it.",
        codeOfConduct: "I accept the Party's code of conduct.",
      },
    });
    if (!configured.ok) return configured;
  }
  const extract = plans.map((p) => p.registerExtract.split("\n").slice(1).filter(Boolean)).flat();
  if (extract.length > 0) {
    const imported = await timed(ctx, "import register extract", () =>
      importRegisterExtract(
        ctx.store,
        deps,
        { actor: actors.staff, source: "cli" },
        electionId,
        [plans.find((p) => p.registerExtract)!.registerExtract.split("\n")[0], ...extract].join("\n"),
      ),
    );
    if (!imported.ok) return imported;
  }

  // Submissions arrive through the window in order, all sections interleaved, a batch at a time
  // (`submitApplications`: one transaction a batch, the same checks and entries as one by one).
  const all = plans.flatMap((p) => p.applications);
  const opens = dayAfter(fz, days.applicationsOpen).getTime();
  const span = dayAfter(fz, days.applicationsClose, 17).getTime() - opens;
  const ids: string[] = [];
  let clock = new Date(opens);
  const submitDeps = { ...deps, now: () => clock };
  const submitted = await timed(ctx, "submit applications", async (): Promise<Result<void, Problem[]>> => {
    for (let k = 0; k < all.length; k += submissionBatch) {
      const batch = all.slice(k, k + submissionBatch);
      clock = new Date(opens + Math.floor(((k + 1) * span) / (all.length + 2)));
      const results = await submitApplications(ctx.store, submitDeps, {
        electionId,
        applications: batch.map((a) => ({ sectionId: a.section, form: a.form })),
      });
      for (const r of results) {
        if (!r.ok) return r;
        ids.push(r.value.applicationId);
      }
      ctx.progress?.("submit applications", k + batch.length, all.length);
    }
    return ok(undefined);
  });
  if (!submitted.ok) return submitted;

  // The provider's reconciliation file: a charge for each first registered application; failures
  // for the unpaid (never put right) and for the put-right (then a success before the deadline).
  const lines = ["event_id,application_id,kind,charge_id,amount_pence,occurred_at"];
  // Provider event and charge ids are unique across elections, as a real provider's are.
  const tag = electionId;
  const paidAt = dayAfter(fz, days.applicationsClose, 18).toISOString();
  const fixedAt = dayAfter(fz, days.paymentDeadline, 10).toISOString();
  all.forEach((a, k) => {
    if (a.copy > 0 || supporters.find((x) => x.id === a.section)?.kind !== "registered") return;
    const id = ids[k]!;
    const fail = a.kind === "unpaid" || a.kind === "putRight";
    lines.push(
      `ev_${tag}_${k}_1,${id},${fail ? "failed" : "succeeded"},ch_${tag}_${k},${rehearsalFeePence},${paidAt}`,
    );
    if (a.kind === "putRight")
      lines.push(`ev_${tag}_${k}_2,${id},succeeded,ch_${tag}_${k}b,${rehearsalFeePence},${fixedAt}`);
  });
  if (lines.length > 1) {
    ctx.at(days.paymentDeadline, 18);
    const paid = await timed(ctx, "import payments", () =>
      recordPaymentEvents(
        ctx.store,
        deps,
        { actor: actors.staff, source: "cli" },
        reconciliationCsvSource,
        lines.join("\n"),
      ),
    );
    if (!paid.ok) return paid;
  }

  // Each union's officer uploads the union's list of members who applied.
  ctx.at(days.unionDeadline - 1);
  for (const p of plans)
    for (const [union, numbers] of p.unionLists) {
      const officer = { id: `rehearsal:union:${union}`, role: "union-officer" as const };
      const named = await appointUnionOfficer(ctx.store, deps, appCtx, electionId, {
        actorId: officer.id,
        union,
      });
      if (!named.ok) return named;
      const listed = await uploadUnionList(
        ctx.store,
        deps,
        { actor: officer, source: "cli" },
        electionId,
        numbers.join("\n"),
      );
      if (!listed.ok) return listed;
    }

  ctx.at(days.decide);
  const decided = await timed(ctx, "decide applications", () =>
    decideApplications(ctx.store, { now: ctx.now, eligiblePeople: rollEligiblePeople }, appCtx, electionId),
  );
  if (!decided.ok) return decided;
  return ok({
    applications: Object.fromEntries(supporters.map((x, i) => [x.id, plans[i]!.applications.length])),
    tally: decided.value,
  });
}
