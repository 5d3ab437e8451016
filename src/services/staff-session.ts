import type { Actor } from "../domain/access/index.ts";
import { sessionLive } from "../domain/access/staff-rules.ts";
import { lockedUntil } from "../domain/access/sign-in-limits.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store, Tx } from "../ports/store.ts";
import { sha256 } from "../adapters/crypto/sha256.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import {
  clearSignInFailures,
  endStaffSession,
  findSignInFailures,
  findStaffById,
  findStaffSession,
  insertStaffSession,
  rolesOfStaff,
  setPendingTotp,
  setStaffTotp,
  touchStaffSession,
  type StaffRole,
  type StaffSessionRow,
} from "../adapters/storage/repos/staff.ts";
import { randomId, type StaffDeps } from "./staff-deps.ts";
import { countFailure } from "./sign-in-staff.ts";

/** A live staff session as the web adapter sees it. */
export interface StaffSession {
  readonly accountId: string;
  readonly email: string;
  readonly displayName: string;
  readonly stage: "password" | "signed-in";
  /** The synchronizer token every form of this session carries. */
  readonly csrfToken: string;
  /** True until an authenticator is enrolled. */
  readonly mustEnrol: boolean;
  readonly pendingTotpSecret: string | null;
  /** Every role the account holds now. */
  readonly roles: readonly StaffRole[];
  /** The role this session acts in, once chosen. */
  readonly role: StaffRole | undefined;
  /** What the services are given: set only when signed in with a chosen role. */
  readonly actor: Actor | undefined;
  /** When the password and a code were last given (sign-in or re-authentication). */
  readonly authenticatedAt: Date;
}

/**
 * The Actor a staff account acting in one role stands for (administrators: every election). Its email
 * is its alias (`email:<address>`): how a nominating body's set-up names a branch secretary's account.
 */
export function actorFor(accountId: string, email: string, role: StaffRole): Actor {
  return {
    id: `staff:${accountId}`,
    role: role.role,
    electionId: role.electionId ?? undefined,
    aliases: [`email:${email}`],
  };
}

async function load(tx: Tx, row: StaffSessionRow): Promise<StaffSession | undefined> {
  const account = await findStaffById(tx, row.accountId);
  if (!account || account.disabled) return undefined;
  const roles = await rolesOfStaff(tx, account.id);
  // A role revoked since it was chosen is gone from `roles`, so the session loses it at once.
  const role = roles.find((r) => r.id === row.roleId);
  return {
    accountId: account.id,
    email: account.email,
    displayName: account.displayName,
    stage: row.stage,
    csrfToken: row.csrfToken,
    mustEnrol: account.totpSecret === null,
    pendingTotpSecret: row.pendingTotpSecret,
    roles,
    role,
    actor: row.stage === "signed-in" && role ? actorFor(account.id, account.email, role) : undefined,
    // A session restarts (new id, new start) at sign-in and at re-authentication, never on a role change.
    authenticatedAt: row.createdAt,
  };
}

/**
 * The live session behind a cookie's id, marked used now; undefined when unknown, ended, idle for
 * 30 minutes or older than 12 hours (an expired one is ended on the server).
 */
export async function resolveStaffSession(
  store: Store,
  deps: Pick<StaffDeps, "now">,
  sessionId: string,
): Promise<StaffSession | undefined> {
  const idHash = sha256(sessionId);
  const now = deps.now();
  const r = await store.transaction(async (tx) => {
    const row = await findStaffSession(tx, idHash);
    if (!row) return ok(undefined);
    if (!sessionLive(row.createdAt, row.lastSeenAt, now)) {
      await endStaffSession(tx, idHash, now);
      return ok(undefined);
    }
    await touchStaffSession(tx, idHash, now);
    return ok(await load(tx, row));
  });
  return r.ok ? r.value : undefined;
}

/** Replaces a session by a new id (fixation defence): the old row ends, a new one starts. */
export async function rotate(
  tx: Tx,
  deps: Pick<StaffDeps, "now" | "randomBytes">,
  old: StaffSessionRow,
  next: { stage: "password" | "signed-in"; roleId: string | null; freshStart: boolean },
): Promise<string> {
  const at = deps.now();
  const sessionId = randomId(deps);
  await endStaffSession(tx, old.idHash, at);
  await insertStaffSession(tx, {
    idHash: sha256(sessionId),
    accountId: old.accountId,
    stage: next.stage,
    roleId: next.roleId,
    csrfToken: Buffer.from(deps.randomBytes(32)).toString("hex"),
    at,
    createdAt: next.freshStart ? at : old.createdAt,
  });
  return sessionId;
}

/** Offers a new authenticator secret to a session that has passed the password step; returns it. */
export async function beginTotpEnrolment(
  store: Store,
  deps: StaffDeps,
  sessionId: string,
): Promise<string | undefined> {
  const idHash = sha256(sessionId);
  const r = await store.transaction(async (tx) => {
    const row = await findStaffSession(tx, idHash);
    if (!row || row.stage !== "password") return err("no session");
    const account = await findStaffById(tx, row.accountId);
    if (!account || account.totpSecret !== null) return err("enrolled");
    if (row.pendingTotpSecret) return ok(row.pendingTotpSecret);
    const secret = deps.totp.newSecret();
    await setPendingTotp(tx, idHash, secret);
    return ok(secret);
  });
  return r.ok ? r.value : undefined;
}

/**
 * The second step of sign-in: a TOTP code, either from the enrolled authenticator or (at first
 * sign-in) from the one being enrolled. A code is accepted once only. On success the session id
 * is replaced and the session is signed in; with exactly one role, that role is chosen.
 */
export async function confirmStaffCode(
  store: Store,
  deps: StaffDeps,
  sessionId: string,
  code: string,
): Promise<Result<{ sessionId: string; roleChosen: boolean }, Problem>> {
  const idHash = sha256(sessionId);
  const now = deps.now();
  return store
    .transaction(async (tx) => {
      const row = await findStaffSession(tx, idHash);
      if (!row || row.stage !== "password" || !sessionLive(row.createdAt, row.lastSeenAt, now))
        return err(problem("access.sign-in-required", { facts: { reason: "session" } }));
      const account = await findStaffById(tx, row.accountId, true);
      if (!account || account.disabled)
        return err(problem("access.sign-in-required", { facts: { reason: "session" } }));
      // A locked email gets no more guesses at the code either (the lock counts both steps).
      if (lockedUntil(await findSignInFailures(tx, account.email), now))
        return err(problem("access.sign-in-required", { facts: { reason: "locked" } }));
      const secret = account.totpSecret ?? row.pendingTotpSecret;
      const step = secret ? await deps.totp.check(secret, code.trim(), now, account.totpLastStep) : undefined;
      if (step === undefined) {
        await countFailure(tx, account.email, now);
        await appendAudit(
          tx,
          null,
          {
            actor: { id: `staff:${account.id}`, role: "anonymous" },
            action: "staff.sign-in",
            subject: `staff:${account.id}`,
            outcome: "refused",
            source: "web",
            details: { step: "code" },
          },
          now,
        );
        // The refusal is kept (Ok commits it); the caller still learns the code was wrong.
        return ok({ sessionId: "", roleChosen: false });
      }
      await setStaffTotp(tx, account.id, deps.totp.keep(secret!), step);
      await clearSignInFailures(tx, account.email);
      const roles = await rolesOfStaff(tx, account.id);
      const only = roles.length === 1 ? roles[0]!.id : null;
      const next = await rotate(tx, deps, row, { stage: "signed-in", roleId: only, freshStart: true });
      await appendAudit(
        tx,
        null,
        {
          actor: { id: `staff:${account.id}`, role: roles.length === 1 ? roles[0]!.role : "staff-account" },
          action: "staff.sign-in",
          subject: `staff:${account.id}`,
          outcome: "succeeded",
          source: "web",
          details: { enrolled: account.totpSecret === null },
        },
        now,
      );
      return ok({ sessionId: next, roleChosen: only !== null });
    })
    .then((r) =>
      r.ok && r.value.sessionId === ""
        ? err(problem("input.invalid", { field: "code", facts: { reason: "wrong-code" } }))
        : r,
    );
}

/** Switches a signed-in session to another of the account's roles; the session id is replaced. */
export async function chooseStaffRole(
  store: Store,
  deps: Pick<StaffDeps, "now" | "randomBytes">,
  sessionId: string,
  roleId: string,
): Promise<Result<string, Problem>> {
  const idHash = sha256(sessionId);
  return store.transaction(async (tx) => {
    const row = await findStaffSession(tx, idHash);
    if (!row || row.stage !== "signed-in")
      return err(problem("access.sign-in-required", { facts: { reason: "session" } }));
    const roles = await rolesOfStaff(tx, row.accountId);
    const role = roles.find((r) => r.id === roleId);
    if (!role) return err(problem("access.denied", { field: "role", facts: { reason: "not-your-role" } }));
    return ok(await rotate(tx, deps, row, { stage: "signed-in", roleId: role.id, freshStart: false }));
  });
}

/** Ends the session on the server: the cookie is worthless afterwards even if kept. */
export async function signOutStaff(
  store: Store,
  deps: Pick<StaffDeps, "now">,
  sessionId: string,
): Promise<void> {
  await store.transaction(async (tx) => {
    await endStaffSession(tx, sha256(sessionId), deps.now());
    return ok(undefined);
  });
}
