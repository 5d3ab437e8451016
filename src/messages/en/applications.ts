import type { Problem } from "../../domain/common/problem.ts";
import type { ApplicationsProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

/** One sentence per applications problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function applicationsMessage(p: Problem & { code: ApplicationsProblemCode }): string {
  const code: ApplicationsProblemCode = p.code;
  const f = p.facts ?? {};
  switch (code) {
    case "application.window-not-open":
      return `Applications are not open yet${f["opensAt"] ? `; they open at ${when(f["opensAt"])}` : ""}.`;
    case "application.window-closed":
      return `Applications have closed${f["closesAt"] ? ` (they closed at ${when(f["closesAt"])})` : ""}; we cannot accept new ones.`;
    case "application.section-not-open":
      return "This part of the electorate does not take applications in this election.";
    case "application.declaration-not-accepted":
      return p.field === "acceptsCodeOfConduct"
        ? "You need to accept the code of conduct to apply."
        : "You need to declare that you support our aims and values to apply.";
    case "application.union-details-missing":
      return p.field === "membershipNumber"
        ? "Give your union membership number so your union can confirm you."
        : "Name the affiliated union you belong to.";
    case "application.duplicate":
      return "You had already applied, so we kept your first application and set this one aside; you are charged only once.";
    case "application.already-eligible":
      return `You can already vote in this election${f["section"] ? ` (as ${sectionName(String(f["section"]))})` : ""}, so you do not need to register as a supporter.`;
    case "application.unpaid-by-deadline":
      return `We did not receive your fee before the payment deadline${f["deadline"] ? ` (${when(f["deadline"])})` : ""}, so your application could not be accepted.`;
    case "application.register-under-18":
      return "You will be under 18 on polling day, and supporters must be 18 or over to vote.";
    case "application.register-not-resident":
      return "You do not appear to live in the United Kingdom, and supporters must be resident here.";
    case "application.register-not-found":
      return "We could not find you on the electoral register at the name and address you gave.";
    case "application.union-denied":
      return "Your union told us you are not one of its members, so we could not accept you as an affiliated supporter.";
    case "application.union-not-confirmed":
      return `Your union did not confirm your membership before the deadline${f["deadline"] ? ` (${when(f["deadline"])})` : ""}.`;
    case "application.queue-changed":
      return `The pending queue changed since you confirmed ${String(f["confirmed"] ?? "")} applications: ${String(f["now"] ?? "")} are pending now. Nothing was decided; look at the list again and confirm.`;
    case "application.already-decided":
      return "This application has already been decided; an appeal is the way to ask for a different outcome.";
    case "application.union-deadline-passed":
      return `The deadline for unions to confirm supporters has passed${f["deadline"] ? ` (${when(f["deadline"])})` : ""}.`;
    case "application.union-mismatch":
      return `You can only confirm members of your own union${p.value ? `; this applicant named ${p.value}` : ""}.`;
    case "application.register-extract-bad-row":
      return `${where(p)}the register extract's ${p.field ?? "row"} ${p.value !== undefined ? `"${p.value}" ` : ""}is not valid${f["reason"] ? ` (${f["reason"]})` : ""}. Nothing was imported; correct the file and import it again.`;
    case "application.status-link-invalid":
      return "That link does not match any application. Use the link in the most recent email we sent you.";
    case "payment.bad-signature":
      return "The payment notification's signature did not verify, so it was ignored.";
    case "payment.unknown-application":
      return `${where(p)}the payment names an application we do not have${p.value ? ` (${p.value})` : ""}.`;
    case "payment.amount-mismatch":
      return `${where(p)}the payment of ${pence(p.value)} does not match the fee of ${pence(f["expected"])}.`;
    case "payment.import-bad-row":
      return `${where(p)}the payments file's ${p.field ?? "row"} ${p.value !== undefined ? `"${p.value}" ` : ""}is not valid${f["reason"] ? ` (${f["reason"]})` : ""}. Nothing was imported; correct the file and import it again.`;
    case "vetting.evidence-required":
      return "A case needs at least one item of evidence for the panel to weigh.";
    case "vetting.panel-invalid":
      return `The panel's ${p.field ?? "details"} ${p.field === "quorum" ? "must be at least 1 and no more than the number of members" : "must be given, with every member named once"}.`;
    case "vetting.not-panel-member":
      return `${p.value ? `${p.value} is` : "You are"} not a member of ${f["panel"] ? `the panel "${f["panel"]}"` : "the panel for this case"}, so cannot decide it.`;
    case "vetting.quorum-not-met":
      return `The panel needs ${f["quorum"] ?? "more"} members present to decide${f["present"] !== undefined ? `; ${f["present"]} were present` : ""}.`;
    case "vetting.reason-required":
      return "Choose at least one of the stated reasons for the decision.";
    case "vetting.unknown-reason":
      return `"${p.value ?? ""}" is not one of the stated reasons for ${f["outcome"] === "no-action" ? "taking no action" : "excluding a voter"}.`;
    case "vetting.case-already-decided":
      return "This case has already been decided; the voter may appeal against the decision.";
    case "vetting.case-open":
      return "This voter's eligibility is under challenge until the panel decides their case.";
    case "vetting.queue-changed":
      return `The open cases chosen changed since you confirmed ${String(f["confirmed"] ?? "")} cases: ${String(f["now"] ?? "")} match now. Nothing was decided; look at the list again and confirm.`;
    case "vetting.bulk-one-panel":
      return "The cases chosen are before more than one panel, and a panel decides only its own cases. Choose one panel's cases (the queue filters by panel).";
    case "vetting.bulk-empty":
      return "No open case is chosen. Tick the cases to decide, or filter the queue to the open cases to decide.";
    case "appeal.out-of-time":
      return `The deadline for appealing${f["deadline"] ? ` (${when(f["deadline"])})` : ""} has passed.`;
    case "appeal.not-appealable":
      return "Only a rejection or an exclusion can be appealed.";
    case "appeal.already-lodged":
      return "An appeal against this decision has already been lodged.";
    case "appeal.same-panel":
      return "An appeal must be heard by a different panel from the one that made the decision.";
    case "appeal.panel-member-conflict":
      return `${p.value ?? "A member"} sat on the decision being appealed, so cannot hear the appeal.`;
    case "appeal.already-heard":
      return "This appeal has already been heard.";
    case "appeal.reason-required":
      return "Give the reason for the appeal's outcome; it is sent to the appellant.";
  }
  return assertNever(code);
}

// One formatter for every sentence: building an Intl formatter per call is slow in a 183,000-row batch.
const londonTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  dateStyle: "long",
  timeStyle: "short",
});

function when(iso: string | number | undefined): string {
  const d = new Date(String(iso));
  if (Number.isNaN(d.getTime())) return String(iso);
  return londonTime.format(d);
}

function pence(v: string | number | undefined): string {
  const n = Number(v);
  return Number.isFinite(n) ? `£${(n / 100).toFixed(2)}` : "the amount given";
}

function sectionName(section: string): string {
  return section === "member" ? "a member" : section === "affiliated" ? "an affiliated supporter" : section;
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
