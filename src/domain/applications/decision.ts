import { problem, type Problem } from "../common/problem.ts";
import type { UnionConfirmation } from "./affiliated.ts";
import type { ApplicationId } from "./ids.ts";
import { paymentStanding, type Payment } from "./payments.ts";
import type { RegisterOutcome } from "./register-check.ts";

/** Registered supporters pay a fee; affiliated supporters are confirmed by their union instead. */
export type SupporterKind = "registered" | "affiliated";

/** The election's rules for deciding applications. */
export interface ApplicationRules {
  /** A registered supporter's fee must be paid before this instant. */
  readonly paymentDeadline: Date;
  /** A union must confirm an affiliated supporter before this instant. */
  readonly unionDeadline: Date;
}

/** Everything known about one application when it is decided; nothing is looked up mid-decision. */
export interface DecisionFacts {
  readonly kind: SupporterKind;
  /** The kept application, when this one is a duplicate of it. */
  readonly duplicateOf?: ApplicationId;
  /** The section the applicant can already vote in, if any. */
  readonly alreadyEligibleIn?: string;
  readonly payment?: Payment;
  /** Absent until the register check has run. */
  readonly register?: RegisterOutcome;
  readonly union?: UnionConfirmation;
}

/** What is still awaited before a pending application can be decided. */
export type Awaiting = "payment" | "register-check" | "union-confirmation";

/** The outcome of deciding one application. */
export type ApplicationDecision =
  | { readonly outcome: "accepted" }
  | { readonly outcome: "pending"; readonly awaiting: readonly Awaiting[] }
  | {
      readonly outcome: "rejected";
      /** The reason code and its facts; the applicant's sentence comes from src/messages/en. */
      readonly reason: Problem;
      /** True when money taken must go back: a paid duplicate, or a fee paid after the deadline. */
      readonly refundDue: boolean;
    };

/**
 * Decides one application. Reasons are tried in a fixed order so the applicant hears the most basic
 * one: duplicate, already eligible, the register check, then the fee (registered) or the union's
 * confirmation (affiliated). Anything not yet known and not yet past its deadline leaves it pending.
 */
export function decideApplication(
  facts: DecisionFacts,
  rules: ApplicationRules,
  now: Date,
): ApplicationDecision {
  const paid = facts.payment?.state === "paid";
  if (facts.duplicateOf !== undefined)
    return reject(problem("application.duplicate", { facts: { keptApplication: facts.duplicateOf } }), paid);
  if (facts.alreadyEligibleIn !== undefined)
    return reject(
      problem("application.already-eligible", { facts: { section: facts.alreadyEligibleIn } }),
      false,
    );
  const awaiting: Awaiting[] = [];
  const reg = facts.register;
  if (!reg) awaiting.push("register-check");
  else if (reg.kind === "under-18")
    return reject(problem("application.register-under-18", { facts: { age: reg.ageOnPollingDay } }), false);
  else if (reg.kind === "not-resident") return reject(problem("application.register-not-resident"), false);
  else if (reg.kind === "not-found") return reject(problem("application.register-not-found"), false);

  if (facts.kind === "registered") {
    const standing = paymentStanding(facts.payment, rules.paymentDeadline, now);
    if (standing === "unpaid-by-deadline")
      return reject(
        problem("application.unpaid-by-deadline", {
          facts: { deadline: rules.paymentDeadline.toISOString() },
        }),
        paid,
      );
    if (standing === "awaiting") awaiting.push("payment");
  } else {
    const union = facts.union ?? "awaiting";
    if (union === "denied") return reject(problem("application.union-denied"), false);
    if (union === "awaiting") {
      if (now.getTime() >= rules.unionDeadline.getTime())
        return reject(
          problem("application.union-not-confirmed", {
            facts: { deadline: rules.unionDeadline.toISOString() },
          }),
          false,
        );
      awaiting.push("union-confirmation");
    }
  }
  return awaiting.length > 0 ? { outcome: "pending", awaiting } : { outcome: "accepted" };
}

function reject(reason: Problem, refundDue: boolean): ApplicationDecision {
  return { outcome: "rejected", reason, refundDue };
}
