import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import { permissions, type Action } from "./actions.ts";
import type { Actor } from "./roles.ts";

/**
 * Decides whether `actor` may do `action` in the election `electionId` (null for actions outside any
 * election). Anonymous callers are told to sign in; a role without the action, or an actor limited to
 * another election, is refused. Every service calls this before it reads or writes.
 */
export function authorise(
  actor: Actor | undefined,
  action: Action,
  electionId: string | null,
): Result<Actor, Problem> {
  const byRole = authoriseRole(actor, action);
  if (!byRole.ok) return byRole;
  const { electionId: limitedTo, role } = byRole.value;
  if (limitedTo !== undefined && limitedTo !== electionId)
    return err(problem("access.denied", { facts: { action, role, reason: "another election" } }));
  return byRole;
}

/**
 * The part of `authorise` that needs no election: is anyone signed in, and does the role allow the
 * action anywhere? Services run it before looking anything up, so a refused caller learns nothing
 * (not even whether an election exists).
 */
export function authoriseRole(actor: Actor | undefined, action: Action): Result<Actor, Problem> {
  if (actor === undefined) return err(problem("access.sign-in-required", { facts: { action } }));
  const allowed: readonly string[] = permissions[action];
  if (!allowed.includes(actor.role))
    return err(problem("access.denied", { facts: { action, role: actor.role } }));
  return ok(actor);
}
