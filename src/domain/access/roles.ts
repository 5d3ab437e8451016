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
}
