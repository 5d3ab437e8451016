/** Every role a person can act in. */
export const roles = [
  "administrator",
  "returning-officer",
  "scrutineer",
  "staff",
  "vetting-panel",
  "candidate",
  // An MP, a branch secretary or a union officer who nominates on behalf of a nominating body.
  "nominator",
  // A union's officer who confirms or denies the union's applicants as affiliated supporters.
  "union-officer",
  "observer",
  "voter",
] as const;

/** A role a person can act in. */
export type Role = (typeof roles)[number];

/** True when `text` names a role. */
export function isRole(text: string): text is Role {
  return (roles as readonly string[]).includes(text);
}

/**
 * Who is acting, in which role. `electionId` limits the actor to one election (a returning officer's
 * token for one ballot); undefined means every election (an administrator).
 */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly electionId?: string | undefined;
  /**
   * Other ids the same person is known by where a set-up file lists accounts (a nominating body's
   * authorised accounts, a candidate's account): `email:<address>` for a console account, since the
   * returning officer knows a branch secretary's email but not the account's id. The audit names `id`.
   */
  readonly aliases?: readonly string[] | undefined;
}

/** Every id an actor answers to: its own first, then its aliases. */
export function accountIdsOf(actor: Actor): readonly string[] {
  return [actor.id, ...(actor.aliases ?? [])];
}
