import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { answerConfirmation, confirmFromList } from "../domain/applications/index.ts";
import {
  addUnionOfficer,
  getApplication,
  getSettings,
  pendingUnionApplications,
  officerUnion,
  setUnionConfirmation,
} from "../adapters/storage/repos/applications.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/** Names a union officer, who may then confirm or deny that union's applicants (officers only). */
export async function appointUnionOfficer(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  ctx: ServiceContext,
  electionId: string,
  input: { actorId: string; union: string },
): Promise<Result<void, Problem[]>> {
  return audited(
    store,
    attemptOf(ctx, electionId, "union.appoint-officer", deps, input.actorId),
    async () => {
      const allowed = authorise(ctx.actor, "union.manage-officers", electionId);
      if (!allowed.ok) return err([allowed.error]);
      if (input.union.trim() === "") return err([problem("input.required", { field: "union" })]);
      const now = deps.now();
      return store.transaction(async (tx) => {
        await addUnionOfficer(tx, electionId, input.actorId, input.union.trim());
        await appendAudit(
          tx,
          electionId,
          {
            actor: allowed.value,
            action: "union.appoint-officer",
            subject: input.actorId,
            outcome: "succeeded",
            source: ctx.source,
            details: { union: input.union.trim() },
          },
          now,
        );
        return ok(undefined);
      });
    },
  );
}

/**
 * A union officer confirms or denies one applicant who named their union, before the union deadline.
 * The officer's union comes from the store, never from the request, so one union cannot answer for another.
 */
export async function answerAffiliated(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  ctx: ServiceContext,
  electionId: string,
  input: { applicationId: string; answer: "confirmed" | "denied" },
): Promise<Result<void, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "union.answer", deps, input.applicationId), async () => {
    const allowed = authorise(ctx.actor, "union.confirm", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const now = deps.now();
    return store.transaction(async (tx) => {
      const union = await officerUnion(tx, electionId, allowed.value.id);
      if (union === undefined)
        return err([problem("access.denied", { facts: { reason: "not a union officer in this election" } })]);
      const app = await getApplication(tx, input.applicationId);
      if (!app || app.electionId !== electionId || !app.union)
        return err([problem("not-found", { field: "application" })]);
      if (app.state !== "pending") return err([problem("application.already-decided")]);
      const settings = await getSettings(tx, electionId, app.sectionId);
      if (!settings) return err([problem("not-found", { field: "section" })]);
      const answered = answerConfirmation(union, app.union, input.answer, settings.unionDeadline, now);
      if (!answered.ok) return err([answered.error]);
      await setUnionConfirmation(tx, [app.id], answered.value);
      await appendAudit(
        tx,
        electionId,
        {
          actor: allowed.value,
          action: "union.answer",
          subject: app.id,
          reason: input.answer,
          outcome: "succeeded",
          source: ctx.source,
          details: { union },
        },
        now,
      );
      await appendRecord(
        tx,
        electionId,
        { type: "union-answered", payload: { answer: input.answer, count: 1 } },
        now,
      );
      return ok(undefined);
    });
  });
}

/**
 * A union officer uploads their list of members' numbers (one per line, or the first CSV column):
 * every pending applicant naming that union whose number is listed is confirmed. The list never denies.
 */
export async function uploadUnionList(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  ctx: ServiceContext,
  electionId: string,
  text: string,
): Promise<Result<{ listed: number; confirmed: number }, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "union.list", deps), async () => {
    const allowed = authorise(ctx.actor, "union.confirm", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const numbers = text
      .split(/\r?\n/)
      .map((l) => (l.split(",")[0] ?? "").trim())
      .filter((n) => n !== "" && !/^membership/i.test(n));
    if (numbers.length === 0) return err([problem("input.required", { field: "list" })]);
    const now = deps.now();
    return store.transaction<{ listed: number; confirmed: number }, Problem[]>(async (tx) => {
      const union = await officerUnion(tx, electionId, allowed.value.id);
      if (union === undefined)
        return err([problem("access.denied", { facts: { reason: "not a union officer in this election" } })]);
      const apps = await pendingUnionApplications(tx, electionId);
      const deadline = apps[0]
        ? (await getSettings(tx, electionId, apps[0].sectionId))?.unionDeadline
        : undefined;
      if (deadline && now >= deadline)
        return err([
          problem("application.union-deadline-passed", { facts: { deadline: deadline.toISOString() } }),
        ]);
      const ids = confirmFromList(
        union,
        numbers,
        apps.map((a) => ({ id: a.id, membership: a.membership })),
      );
      const confirmed = await setUnionConfirmation(tx, ids, "confirmed");
      await appendAudit(
        tx,
        electionId,
        {
          actor: allowed.value,
          action: "union.upload-list",
          outcome: "succeeded",
          source: ctx.source,
          details: { union, listed: numbers.length, confirmed },
        },
        now,
      );
      await appendRecord(
        tx,
        electionId,
        { type: "union-answered", payload: { answer: "confirmed", count: confirmed } },
        now,
      );
      return ok({ listed: numbers.length, confirmed });
    });
  });
}
