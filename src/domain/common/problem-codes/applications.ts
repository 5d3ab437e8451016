/** The applications room's stable problem codes (applications, payments, vetting, appeals). Each needs a sentence in src/messages/en/applications.ts and a line in docs/problems.md. */
export const applicationsProblemCodes = [
  // Submitting an application.
  "application.window-not-open",
  "application.window-closed",
  "application.section-not-open",
  "application.declaration-not-accepted",
  "application.union-details-missing",
  // Why an application is rejected: each is also the reason sent to the applicant.
  "application.duplicate",
  "application.already-eligible",
  "application.unpaid-by-deadline",
  "application.register-under-18",
  "application.register-not-resident",
  "application.register-not-found",
  "application.union-denied",
  "application.union-not-confirmed",
  // Acting on an application.
  "application.already-decided",
  "application.queue-changed",
  "application.union-deadline-passed",
  "application.union-mismatch",
  "application.register-extract-bad-row",
  "application.status-link-invalid",
  // Payments.
  "payment.bad-signature",
  "payment.unknown-application",
  "payment.amount-mismatch",
  "payment.import-bad-row",
  // Vetting.
  "vetting.evidence-required",
  "vetting.panel-invalid",
  "vetting.not-panel-member",
  "vetting.quorum-not-met",
  "vetting.reason-required",
  "vetting.unknown-reason",
  "vetting.case-already-decided",
  "vetting.case-open",
  "vetting.queue-changed",
  "vetting.bulk-one-panel",
  "vetting.bulk-empty",
  // Appeals.
  "appeal.out-of-time",
  "appeal.not-appealable",
  "appeal.already-lodged",
  "appeal.same-panel",
  "appeal.panel-member-conflict",
  "appeal.already-heard",
  "appeal.reason-required",
] as const;

/** A problem code of the applications room. */
export type ApplicationsProblemCode = (typeof applicationsProblemCodes)[number];
