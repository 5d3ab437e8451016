import type { Store, Tx } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { appealId, lodgeAppeal, type AppealableDecision } from "../domain/vetting/index.ts";
import {
  getApplication,
  getApplicationByToken,
  latestDecision,
} from "../adapters/storage/repos/applications.ts";
import {
  appealExists,
  caseByAppealToken,
  insertAppeal,
  lockCase,
} from "../adapters/storage/repos/vetting.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { tokenHash, type ApplicationsDeps, type ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited, auditIfRefused, refusalCodes } from "./audit-refusal.ts";

/** What can be appealed: an application's rejection, or a voter's exclusion (by its case). */
export type AppealTarget =
  | { readonly kind: "application-rejected"; readonly applicationId: string }
  | { readonly kind: "voter-excluded"; readonly caseId: string };

/** An applicant appeals their rejection through the link in their email (the link is their authority). */
export async function lodgeAppealByStatusLink(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  token: string,
  grounds: string,
): Promise<Result<{ appealId: string }, Problem[]>> {
  return lodgeByLink(store, deps, token, grounds, async (tx, hash) => {
    const app = await getApplicationByToken(tx, hash);
    return app
      ? {
          electionId: app.electionId,
          target: { kind: "application-rejected", applicationId: app.id },
          lodgedBy: `applicant:${app.id}`,
          role: "applicant",
        }
      : undefined;
  });
}

/** An excluded voter appeals through the link in their notice. */
export async function lodgeAppealByNoticeLink(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  token: string,
  grounds: string,
): Promise<Result<{ appealId: string }, Problem[]>> {
  return lodgeByLink(store, deps, token, grounds, async (tx, hash) => {
    const c = await caseByAppealToken(tx, hash);
    return c
      ? {
          electionId: c.electionId,
          target: { kind: "voter-excluded", caseId: c.id },
          lodgedBy: `voter:${c.voterId}`,
          role: "voter",
        }
      : undefined;
  });
}

/** Who holds an appeal link: their election, what they appeal, and who they are in the record. */
interface LinkHolder {
  readonly electionId: string;
  readonly target: AppealTarget;
  readonly lodgedBy: string;
  readonly role: string;
}

/** Lodges an appeal from the web for whoever the link's token names; an unknown token is refused. */
async function lodgeByLink(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  token: string,
  grounds: string,
  holderOf: (tx: Tx, hash: string) => Promise<LinkHolder | undefined>,
): Promise<Result<{ appealId: string }, Problem[]>> {
  let holder: LinkHolder | undefined;
  const result = await store.transaction<{ appealId: string }, Problem[]>(async (tx) => {
    const h = (holder = await holderOf(tx, tokenHash(token)));
    if (!h) return err([problem("application.status-link-invalid")]);
    return lodge(tx, deps.now(), h.electionId, h.target, h.lodgedBy, h.role, grounds, "web");
  });
  // A link nobody holds names no election: that refusal goes in the global chain.
  return auditIfRefused(
    store,
    {
      electionId: holder?.electionId ?? null,
      actor: holder ? { id: holder.lodgedBy, role: holder.role } : undefined,
      action: "appeal.lodge",
      subject: holder ? subjectOf(holder.target) : undefined,
      source: "web",
      now: deps.now,
    },
    refusalCodes,
    result,
  );
}

/** The application or case an appeal target names. */
const subjectOf = (t: AppealTarget): string =>
  t.kind === "application-rejected" ? t.applicationId : t.caseId;

/** Staff enter an appeal received on paper, on the appellant's behalf. */
export async function lodgeAppealFor(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  ctx: ServiceContext,
  electionId: string,
  target: AppealTarget,
  grounds: string,
): Promise<Result<{ appealId: string }, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "appeal.lodge", deps, subjectOf(target)), async () => {
    const allowed = authorise(ctx.actor, "appeal.lodge-for", electionId);
    if (!allowed.ok) return err([allowed.error]);
    return store.transaction<{ appealId: string }, Problem[]>((tx) =>
      lodge(tx, deps.now(), electionId, target, allowed.value.id, allowed.value.role, grounds, ctx.source),
    );
  });
}

/** The decision an appeal is against, as the domain needs it, with its section; a Problem when it cannot be appealed. */
export async function appealable(
  tx: Tx,
  electionId: string,
  target: AppealTarget,
): Promise<Result<{ decision: AppealableDecision; sectionId: string; subject: string }, Problem>> {
  if (target.kind === "application-rejected") {
    const app = await getApplication(tx, target.applicationId);
    if (!app || app.electionId !== electionId) return err(problem("not-found", { field: "application" }));
    const d = await latestDecision(tx, app.id);
    if (!d || d.outcome !== "rejected" || !d.appealDeadline) return err(problem("appeal.not-appealable"));
    return ok({
      decision: {
        kind: "application-rejected",
        id: d.id,
        decidedAt: d.decidedAt,
        appealDeadline: d.appealDeadline,
        decidedByMembers: [],
      },
      sectionId: app.sectionId,
      subject: app.id,
    });
  }
  const c = await lockCase(tx, electionId, target.caseId);
  if (!c) return err(problem("not-found", { field: "case" }));
  if (!c.decision || c.decision.outcome !== "exclude" || !c.decision.appealDeadline)
    return err(problem("appeal.not-appealable"));
  return ok({
    decision: {
      kind: "voter-excluded",
      id: c.id,
      decidedAt: c.decision.decidedAt,
      appealDeadline: c.decision.appealDeadline,
      panelId: c.panelId,
      decidedByMembers: c.decision.present,
    },
    sectionId: c.sectionId,
    subject: c.voterId,
  });
}

async function lodge(
  tx: Tx,
  now: Date,
  electionId: string,
  target: AppealTarget,
  lodgedBy: string,
  role: string,
  grounds: string,
  source: "web" | "cli" | "system",
): Promise<Result<{ appealId: string }, Problem[]>> {
  const found = await appealable(tx, electionId, target);
  if (!found.ok) return err([found.error]);
  const { decision, sectionId, subject } = found.value;
  const lodged = lodgeAppeal(
    appealId("new"),
    decision,
    await appealExists(tx, decision.kind, decision.id),
    lodgedBy,
    grounds,
    now,
  );
  if (!lodged.ok) return err(lodged.error);
  const id = await insertAppeal(tx, {
    electionId,
    sectionId,
    kind: decision.kind,
    targetId: decision.id,
    lodgedBy,
    lodgedAt: now,
    grounds: lodged.value.grounds,
  });
  // Two appeals racing for one decision: the unique key lets one in.
  if (id === undefined) return err([problem("appeal.already-lodged")]);
  await appendAudit(
    tx,
    electionId,
    {
      actor: { id: lodgedBy, role },
      action: "appeal.lodge",
      subject,
      reason: lodged.value.grounds,
      outcome: "succeeded",
      source,
      details: { appeal: id, against: decision.kind, decision: decision.id },
    },
    now,
  );
  await appendRecord(
    tx,
    electionId,
    { type: "appeal-lodged", payload: { appeal: id, against: decision.kind, section: sectionId } },
    now,
  );
  return ok({ appealId: id });
}
