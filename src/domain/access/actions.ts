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
  // Staff console: accounts and their roles are the administrator's; the live turnout (aggregates
  // only) is for those running or overseeing the poll, never candidates.
  "staff.manage": ["administrator"],
  "turnout.read": overseers,

  // Electorate.
  "roll.import": officers,
  "roll.read": ["administrator", "returning-officer", "scrutineer", "staff"],
  "roll.freeze": officers,
  "electorate.change-rule": officers,

  // Nominations. The role only lets a nominator in: which nominators an account may act for is the
  // nominations room's check (the body's list of authorised accounts), inside the decision.
  "nominations.set-up": officers,
  "nominations.make": ["nominator"],
  // Staff enter nominations received on signed paper forms; the form is the nominator's authority.
  "nominations.enter-paper": ["administrator", "returning-officer", "staff"],
  "nominations.withdraw": ["nominator", "administrator", "returning-officer", "staff"],
  // Only the candidate consents; the room checks it is their own candidacy.
  "nominations.consent": ["candidate"],
  // Closing fixes the ballot paper: the returning officer's act (and the administrator's at the terminal).
  "nominations.close": officers,

  // Applications and vetting. Panel members and union officers pass the role check here; which
  // panel's cases (or which union's applicants) they may decide is the room's check, inside the decision.
  "applications.configure": officers,
  "applications.read": ["administrator", "returning-officer", "scrutineer", "staff"],
  "applications.import-register": ["administrator", "returning-officer", "staff"],
  "applications.decide": officers,
  "payments.import": ["administrator", "returning-officer", "staff"],
  "union.manage-officers": officers,
  "union.confirm": ["union-officer"],
  "vetting.create-panel": officers,
  // Staff raise cases with evidence; they never decide them.
  "vetting.raise": ["administrator", "returning-officer", "staff"],
  "vetting.read": ["administrator", "returning-officer", "scrutineer", "staff", "vetting-panel"],
  "vetting.decide": ["vetting-panel"],
  // Staff enter appeals received by post on the appellant's behalf; appellants use their emailed link.
  "appeal.lodge-for": ["administrator", "returning-officer", "staff"],
  "appeal.hear": ["vetting-panel"],
  // Published figures: anyone overseeing the election may read them before publication.
  "applications.figures": ["administrator", "returning-officer", "scrutineer", "staff", "observer"],
  // The poll: its window and paper are set, and it is closed and sealed, by those running the election.
  "poll.set-up": officers,
  "poll.close": officers,
  // Credentials: issuing, replacing a lost one and cancelling one are the returning officer's acts
  // (each audited); the scrutineer watches them in the audit log, staff refer voters to the officer.
  "credentials.issue": officers,
  "credentials.reissue": officers,
  "credentials.revoke": officers,
  // Mail: the templates, the delivery counts per kind and each message's history (never its body;
  // never reminder rows, which would say who had not voted) for those running the election.
  "mail.read": ["administrator", "returning-officer", "scrutineer", "staff"],
  // Bounces mailed back later (DSNs) are recorded against their message by those running the election.
  "mail.record-bounces": officers,
  // Count and declaration. The returning officer counts, declares and publishes; the scrutineer alone
  // signs off the count, so no officer can publish a result nobody independent has checked.
  "count.run": officers,
  "count.sign-off": ["scrutineer"],
  "result.declare": officers,
  "result.publish": officers,
  // Before publication the count is read by those who oversee it; afterwards it is public (no role).
  "result.read-unpublished": overseers,
} as const satisfies Record<string, readonly Role[]>;

/** An action someone may be allowed to do. */
export type Action = keyof typeof permissions;
