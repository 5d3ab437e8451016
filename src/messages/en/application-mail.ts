// The mails an applicant, a supporter or an excluded voter receives from the applications room.
// Plain text: voter mail stays plain. Each says what happened, why, and what the person can do next.
import { message } from "../en.ts";
import type { Problem } from "../../domain/common/problem.ts";

/** A mail's subject and text. */
export interface MailText {
  readonly subject: string;
  readonly text: string;
}

// One formatter for every mail: building an Intl formatter per call is slow at 183,000 mails.
const londonTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  dateStyle: "long",
  timeStyle: "short",
});
const when = (d: Date): string => londonTime.format(d);

/** Sent when an application arrives: the status link, and whether a fee is due. */
export function applicationReceivedMail(o: {
  name: string;
  electionTitle: string;
  statusUrl: string;
  duplicate: boolean;
  feePence: number;
  paymentDeadline: Date;
}): MailText {
  const fee = o.duplicate
    ? "You had already applied, so we have kept your first application and set this one aside. You will not be charged again."
    : o.feePence > 0
      ? `The fee is £${(o.feePence / 100).toFixed(2)}. It must reach us before ${when(o.paymentDeadline)}.`
      : "There is no fee.";
  return {
    subject: `We have your application: ${o.electionTitle}`,
    text: `Dear ${o.name},\n\nThank you for applying to vote in ${o.electionTitle}.\n\n${fee}\n\nYou can see where your application stands at any time here:\n${o.statusUrl}\n\nKeep this link private: anyone with it can see your application.\n`,
  };
}

/** Sent when an application is decided: the outcome, the reason in plain words, and how to appeal. */
export function applicationDecidedMail(o: {
  name: string;
  electionTitle: string;
  outcome: "accepted" | "rejected";
  reason?: Problem;
  appealDeadline?: Date;
}): MailText {
  if (o.outcome === "accepted")
    return {
      subject: `You can vote in ${o.electionTitle}`,
      text: `Dear ${o.name},\n\nYour application has been accepted. You will receive your ballot details separately before voting opens.\n`,
    };
  const why = o.reason ? message(o.reason) : "";
  const appeal = o.appealDeadline
    ? `If you think this is wrong, you can appeal before ${when(o.appealDeadline)} from your application page (the link in the email we sent when you applied). A panel that took no part in this decision will hear your appeal.`
    : "";
  return {
    subject: `Your application: ${o.electionTitle}`,
    text: `Dear ${o.name},\n\nWe could not accept your application. ${why}\n\n${appeal}\n`,
  };
}

/** Sent when a payment fails: it can be put right until the deadline. */
export function paymentFailedMail(o: {
  name: string;
  electionTitle: string;
  paymentDeadline: Date;
}): MailText {
  return {
    subject: `Your payment did not go through: ${o.electionTitle}`,
    text: `Dear ${o.name},\n\nYour payment did not go through. You can put it right until ${when(o.paymentDeadline)}; after that we cannot accept your application.\n\nThe link in the email we sent when you applied shows where your application stands.\n`,
  };
}

/** Sent to a voter when a case about them is opened: they are under challenge until a panel decides. */
export function caseOpenedMail(o: { name: string; electionTitle: string; summary: string }): MailText {
  return {
    subject: `Your vote in ${o.electionTitle} is under review`,
    text: `Dear ${o.name},\n\nA panel will review whether you may vote in ${o.electionTitle}, because: ${o.summary}\n\nIf you vote before the panel decides, your ballot is kept sealed and apart, unread, until the decision. We will tell you the outcome and the reasons.\n`,
  };
}

/** Sent when a panel decides: the reasons, in the panel's words, and how to appeal. */
export function caseDecidedMail(o: {
  name: string;
  electionTitle: string;
  outcome: "exclude" | "no-action";
  reasons: readonly string[];
  statement: string;
  appealUrl?: string;
  appealDeadline?: Date;
}): MailText {
  if (o.outcome === "no-action")
    return {
      subject: `Review closed: ${o.electionTitle}`,
      text: `Dear ${o.name},\n\nThe panel reviewed your case and took no action. You may vote as normal.\n\nThe panel said: ${o.statement}\n`,
    };
  return {
    subject: `You have been excluded from voting in ${o.electionTitle}`,
    text: `Dear ${o.name},\n\nA panel has decided that you may not vote in ${o.electionTitle}.\n\nReasons: ${o.reasons.map(exclusionReasonText).join("; ")}.\nThe panel said: ${o.statement}\n\nYou may appeal before ${o.appealDeadline ? when(o.appealDeadline) : "the deadline"}${o.appealUrl ? ` here:\n${o.appealUrl}` : ""}\nA different panel, none of whose members took part in this decision, will hear your appeal.\n`,
  };
}

/** Sent when an appeal is heard. */
export function appealHeardMail(o: {
  name: string;
  electionTitle: string;
  outcome: "upheld" | "dismissed";
  reason: string;
}): MailText {
  return {
    subject: `Your appeal: ${o.electionTitle}`,
    text:
      o.outcome === "upheld"
        ? `Dear ${o.name},\n\nYour appeal has been upheld: you may vote in ${o.electionTitle}.\n\nThe appeal panel said: ${o.reason}\n`
        : `Dear ${o.name},\n\nYour appeal has been dismissed, so the decision stands.\n\nThe appeal panel said: ${o.reason}\n`,
  };
}

/** A stated exclusion or no-action reason in plain words. */
export function exclusionReasonText(reason: string): string {
  switch (reason) {
    case "not-supporting-aims-and-values":
      return "you do not support the organisation's aims and values";
    case "member-of-another-party":
      return "you are a member of another political party";
    case "supported-opposing-candidate":
      return "you supported a candidate standing against the organisation";
    case "abusive-conduct":
      return "abusive conduct in breach of the code of conduct";
    case "not-eligible":
      return "you are not eligible under the election's rules";
    case "evidence-insufficient":
      return "the evidence was not enough";
    case "evidence-not-credible":
      return "the evidence was not credible";
    case "conduct-not-in-breach":
      return "the conduct did not breach the rules";
    default:
      return reason;
  }
}
