import type { Generated } from "kysely";
import type { Instant } from "./foundation.ts";

/** The staff console's tables (migrations 0610, 0620). */
export interface StaffTables {
  staff_accounts: StaffAccountsTable;
  staff_roles: StaffRolesTable;
  staff_sessions: StaffSessionsTable;
  staff_setup_links: StaffSetupLinksTable;
  staff_sign_in_failures: StaffSignInFailuresTable;
}

/** A person who runs the election; only an argon2id hash of the password is kept. */
export interface StaffAccountsTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  totp_secret: string | null;
  /** The last TOTP time step accepted, so a code is never accepted twice. */
  totp_last_step: string | number | null;
  created_at: Instant;
  disabled_at: Instant | null;
}

/** One role an account holds, in one election (null: every election, administrators only). */
export interface StaffRolesTable {
  id: Generated<string>;
  account_id: string;
  role: string;
  election_id: string | null;
  granted_by: string;
  granted_at: Instant;
  revoked_at: Instant | null;
}

/** A server-side session; the cookie holds a random id, this table only its SHA-256. */
export interface StaffSessionsTable {
  id_hash: string;
  account_id: string;
  stage: "password" | "signed-in";
  role_id: string | null;
  csrf_token: string;
  pending_totp_secret: string | null;
  created_at: Instant;
  last_seen_at: Instant;
  ended_at: Instant | null;
}

/** A one-time link that creates the first administrator. */
export interface StaffSetupLinksTable {
  token_hash: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

/** Failed sign-ins counted against one email address, and the lock's end (migration 0620). */
export interface StaffSignInFailuresTable {
  email: string;
  failures: number;
  first_at: Instant;
  locked_until: Instant | null;
}
