import type { Transaction } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { isRole, type Role } from "../../../domain/access/index.ts";
import type { FailureCount } from "../../../domain/access/sign-in-limits.ts";
import type { Database } from "../schema/index.ts";
import type { StaffTables } from "../schema/staff.ts";
import { dbOf } from "../tx.ts";

// The staff console's storage: accounts, roles, sessions, first-administrator links.

/** The transaction typed with the staff tables (schema/staff.ts). */
function db(tx: Tx): Transaction<Database & StaffTables> {
  return dbOf(tx) as unknown as Transaction<Database & StaffTables>;
}

/** An account as the services see it. */
export interface StaffAccount {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly totpSecret: string | null;
  readonly totpLastStep: number | null;
  readonly disabled: boolean;
}

/** One role held by an account. */
export interface StaffRole {
  readonly id: string;
  readonly role: Role;
  readonly electionId: string | null;
  readonly electionSlug: string | null;
  readonly electionTitle: string | null;
}

/** A session row. */
export interface StaffSessionRow {
  readonly idHash: string;
  readonly accountId: string;
  readonly stage: "password" | "signed-in";
  readonly roleId: string | null;
  readonly csrfToken: string;
  readonly pendingTotpSecret: string | null;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
}

/** How many staff accounts exist (first run: none). */
export async function countStaffAccounts(tx: Tx): Promise<number> {
  const row = await db(tx)
    .selectFrom("staff_accounts")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Creates an account; returns its id. The email must be new (a unique index decides). */
export async function insertStaffAccount(
  tx: Tx,
  a: { email: string; displayName: string; passwordHash: string; at: Date },
): Promise<string> {
  const row = await db(tx)
    .insertInto("staff_accounts")
    .values({ email: a.email, display_name: a.displayName, password_hash: a.passwordHash, created_at: a.at })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? "";
}

const accountColumns = [
  "id",
  "email",
  "display_name",
  "password_hash",
  "totp_secret",
  "totp_last_step",
  "disabled_at",
] as const;

function toAccount(r: {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  totp_secret: string | null;
  totp_last_step: string | number | null;
  disabled_at: Date | null;
}): StaffAccount {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    totpSecret: r.totp_secret,
    totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
    disabled: r.disabled_at !== null,
  };
}

/** The account with this (normalised) email, if any. */
export async function findStaffByEmail(tx: Tx, email: string): Promise<StaffAccount | undefined> {
  const r = await db(tx)
    .selectFrom("staff_accounts")
    .select(accountColumns)
    .where("email", "=", email)
    .executeTakeFirst();
  return r && toAccount(r);
}

/** The account with this id, if any; `forUpdate` locks it (TOTP replay check). */
export async function findStaffById(
  tx: Tx,
  id: string,
  forUpdate = false,
): Promise<StaffAccount | undefined> {
  let q = db(tx).selectFrom("staff_accounts").select(accountColumns).where("id", "=", id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toAccount(r);
}

/** Every account, by email. */
export async function listStaffAccounts(tx: Tx): Promise<StaffAccount[]> {
  const rows = await db(tx).selectFrom("staff_accounts").select(accountColumns).orderBy("email").execute();
  return rows.map(toAccount);
}

/** Records the TOTP secret (at enrolment) and the last accepted time step. */
export async function setStaffTotp(tx: Tx, id: string, secret: string, lastStep: number): Promise<void> {
  await db(tx)
    .updateTable("staff_accounts")
    .set({ totp_secret: secret, totp_last_step: lastStep })
    .where("id", "=", id)
    .execute();
}

/** Grants a role; returns the role row's id. */
export async function insertStaffRole(
  tx: Tx,
  r: { accountId: string; role: Role; electionId: string | null; grantedBy: string; at: Date },
): Promise<string> {
  const row = await db(tx)
    .insertInto("staff_roles")
    .values({
      account_id: r.accountId,
      role: r.role,
      election_id: r.electionId,
      granted_by: r.grantedBy,
      granted_at: r.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes a role row. */
export async function revokeStaffRole(tx: Tx, roleId: string, at: Date): Promise<void> {
  await db(tx).updateTable("staff_roles").set({ revoked_at: at }).where("id", "=", roleId).execute();
}

/** The roles an account holds now, with their election's slug and title. */
export async function rolesOfStaff(tx: Tx, accountId: string): Promise<StaffRole[]> {
  const rows = await db(tx)
    .selectFrom("staff_roles as r")
    .leftJoin("elections as e", "e.id", "r.election_id")
    .select(["r.id", "r.role", "r.election_id", "e.slug", "e.title"])
    .where("r.account_id", "=", accountId)
    .where("r.revoked_at", "is", null)
    .orderBy("e.slug")
    .orderBy("r.role")
    .execute();
  return rows.flatMap((r) =>
    isRole(r.role)
      ? [{ id: r.id, role: r.role, electionId: r.election_id, electionSlug: r.slug, electionTitle: r.title }]
      : [],
  );
}

/** Starts a session row. */
export async function insertStaffSession(
  tx: Tx,
  s: {
    idHash: string;
    accountId: string;
    stage: "password" | "signed-in";
    roleId: string | null;
    csrfToken: string;
    at: Date;
    /** When the sign-in began, kept across rotations for the absolute timeout; default `at`. */
    createdAt?: Date;
  },
): Promise<void> {
  await db(tx)
    .insertInto("staff_sessions")
    .values({
      id_hash: s.idHash,
      account_id: s.accountId,
      stage: s.stage,
      role_id: s.roleId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt ?? s.at,
      last_seen_at: s.at,
    })
    .execute();
}

/** The live (not ended) session with this id hash, if any. */
export async function findStaffSession(tx: Tx, idHash: string): Promise<StaffSessionRow | undefined> {
  const r = await db(tx)
    .selectFrom("staff_sessions")
    .selectAll()
    .where("id_hash", "=", idHash)
    .where("ended_at", "is", null)
    .executeTakeFirst();
  return (
    r && {
      idHash: r.id_hash,
      accountId: r.account_id,
      stage: r.stage,
      roleId: r.role_id,
      csrfToken: r.csrf_token,
      pendingTotpSecret: r.pending_totp_secret,
      createdAt: new Date(r.created_at),
      lastSeenAt: new Date(r.last_seen_at),
    }
  );
}

/** Marks a session used now. */
export async function touchStaffSession(tx: Tx, idHash: string, at: Date): Promise<void> {
  await db(tx)
    .updateTable("staff_sessions")
    .set({ last_seen_at: at })
    .where("id_hash", "=", idHash)
    .execute();
}

/** Keeps a TOTP secret offered at enrolment until the first code confirms it. */
export async function setPendingTotp(tx: Tx, idHash: string, secret: string): Promise<void> {
  await db(tx)
    .updateTable("staff_sessions")
    .set({ pending_totp_secret: secret })
    .where("id_hash", "=", idHash)
    .execute();
}

/** Ends a session on the server (sign-out, expiry, or replaced by a rotated id). */
export async function endStaffSession(tx: Tx, idHash: string, at: Date): Promise<void> {
  await db(tx).updateTable("staff_sessions").set({ ended_at: at }).where("id_hash", "=", idHash).execute();
}

/** Stores a first-administrator link's hash. */
export async function insertSetupLink(
  tx: Tx,
  l: { tokenHash: string; at: Date; expiresAt: Date },
): Promise<void> {
  await db(tx)
    .insertInto("staff_setup_links")
    .values({ token_hash: l.tokenHash, created_at: l.at, expires_at: l.expiresAt })
    .execute();
}

/** Uses a setup link once: true when it existed, was unused and unexpired (and is now used). */
export async function useSetupLink(tx: Tx, tokenHash: string, at: Date): Promise<boolean> {
  const r = await db(tx)
    .updateTable("staff_setup_links")
    .set({ used_at: at })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether a setup link is still usable (without using it). */
export async function setupLinkUsable(tx: Tx, tokenHash: string, at: Date): Promise<boolean> {
  const r = await db(tx)
    .selectFrom("staff_setup_links")
    .select("token_hash")
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  return r !== undefined;
}

/** The failed sign-ins counted against an email, locked for update (two guesses at once count twice). */
export async function findSignInFailures(tx: Tx, email: string): Promise<FailureCount | undefined> {
  const r = await db(tx)
    .selectFrom("staff_sign_in_failures")
    .selectAll()
    .where("email", "=", email)
    .forUpdate()
    .executeTakeFirst();
  return r && { failures: r.failures, firstAt: r.first_at, lockedUntil: r.locked_until };
}

/** Stores an email's failure count. */
export async function saveSignInFailures(tx: Tx, email: string, c: FailureCount): Promise<void> {
  const row = { failures: c.failures, first_at: c.firstAt, locked_until: c.lockedUntil };
  await db(tx)
    .insertInto("staff_sign_in_failures")
    .values({ email, ...row })
    .onConflict((o) => o.column("email").doUpdateSet(row))
    .execute();
}

/** Forgets an email's failures (after a successful sign-in). */
export async function clearSignInFailures(tx: Tx, email: string): Promise<void> {
  await db(tx).deleteFrom("staff_sign_in_failures").where("email", "=", email).execute();
}

/** Forgets an account's authenticator key, so its next sign-in enrols a new one. */
export async function clearStaffTotp(tx: Tx, id: string): Promise<void> {
  await db(tx)
    .updateTable("staff_accounts")
    .set({ totp_secret: null, totp_last_step: null })
    .where("id", "=", id)
    .execute();
}

/** Replaces an account's password hash. */
export async function setStaffPassword(tx: Tx, id: string, passwordHash: string): Promise<void> {
  await db(tx)
    .updateTable("staff_accounts")
    .set({ password_hash: passwordHash })
    .where("id", "=", id)
    .execute();
}

/** Ends every live session of an account but `keep` (a session id hash); returns how many ended. */
export async function endSessionsOf(tx: Tx, accountId: string, at: Date, keep?: string): Promise<number> {
  let q = db(tx)
    .updateTable("staff_sessions")
    .set({ ended_at: at })
    .where("account_id", "=", accountId)
    .where("ended_at", "is", null);
  if (keep !== undefined) q = q.where("id_hash", "<>", keep);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
