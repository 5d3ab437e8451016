import type { Role } from "./roles.ts";

// Who may do what. Deny by default: an action missing here is refused to everyone, and the type
// below makes a service that names an unknown action fail to compile. Each room adds its actions
// as one block; keep the comment saying why a role is (or is not) allowed.

const officers = ["administrator", "returning-officer"] as const satisfies readonly Role[];
const overseers = ["administrator", "returning-officer", "scrutineer"] as const satisfies readonly Role[];

/** The roles allowed each action. */
export const permissions = {
  // Foundation: elections, the logs, tokens.
  "election.create": ["administrator"],
  "election.define": officers,
  "election.read": ["administrator", "returning-officer", "scrutineer", "staff", "vetting-panel", "observer"],
  // The public record is published with the result; before that, those who oversee the election read it.
  "record.read": ["administrator", "returning-officer", "scrutineer", "observer"],
  // The scrutineer signs off on the chains, so checking them is theirs as much as the officer's.
  "record.verify": overseers,
  // The audit log names people (vetting reasons): never observers or candidates.
  "audit.read": overseers,
  "token.create": ["administrator"],

  // Electorate.
  "roll.import": officers,
  "roll.read": ["administrator", "returning-officer", "scrutineer", "staff"],
  "roll.freeze": officers,
  "electorate.change-rule": officers,
} as const satisfies Record<string, readonly Role[]>;

/** An action someone may be allowed to do. */
export type Action = keyof typeof permissions;
