import type { FastifyReply } from "fastify";
import type { Problem } from "../../domain/common/problem.ts";
import { message } from "../../messages/en.ts";

// The only place that picks an HTTP status from a problem code. Rooms add their codes (or prefixes)
// to the table; anything not listed is 422: the request was understood but the election's rules
// refuse it.

const exact: Readonly<Record<string, number>> = {
  "access.sign-in-required": 401,
  "access.denied": 403,
  "not-found": 404,
  "input.required": 400,
  "input.invalid": 400,
  "record.head.invalid": 400,
  "storage.unreachable": 503,
  "storage.data-folder-locked": 503,
  "credential.malformed": 400,
  "credential.unknown": 404,
  "credential.already-used": 409,
  "credential.revoked": 403,
  "poll.closed": 403,
  "poll.not-open": 403,
  "poll.too-many-failed-codes": 429,
  "poll.busy": 503,
  "nomination.not-authorised": 403,
  "nomination.not-the-candidate": 403,
  "nomination.not-found": 404,
  "nomination.not-set-up": 404,
  "nomination.duplicate": 409,
  "nomination.already-nominated": 409,
  "nomination.already-withdrawn": 409,
  "nomination.closed": 409,
  "election.exists": 409,
  "election.unknown-section": 404,
  "election.rule-change-stale": 409,
  "election.rule-unchanged": 409,
  "roll.frozen": 409,
  "roll.preview-stale": 409,
  "freeze.already-frozen": 409,
  // Applications and vetting.
  "application.section-not-open": 404,
  "application.status-link-invalid": 404,
  "application.window-not-open": 403,
  "application.window-closed": 403,
  "application.already-decided": 409,
  "application.union-mismatch": 403,
  "payment.bad-signature": 400,
  "payment.import-bad-row": 400,
  "application.register-extract-bad-row": 400,
  "vetting.not-panel-member": 403,
  "vetting.case-already-decided": 409,
  "appeal.already-lodged": 409,
  "appeal.already-heard": 409,
  // Count and declaration: steps out of order conflict with the result's state.
  "declaration.not-published": 404,
  "declaration.already-counted": 409,
  "declaration.wrong-step": 409,
  "declaration.not-counted": 409,
  "declaration.poll-not-sealed": 409,
};

const byPrefix: readonly (readonly [prefix: string, status: number])[] = [
  ["storage.", 503],
  // A nominations set-up file with a bad body, candidate or rule: the request itself is wrong.
  ["nomination.body.", 400],
  ["nomination.candidate.", 400],
  ["nomination.rule.", 400],
  // A bad election definition or column mapping: the request itself is wrong. Bad roll rows are 422.
  ["election.", 400],
  ["roll.mapping.", 400],
];

/** The HTTP status for a list of problems: the first problem decides. */
export function statusFor(problems: readonly Problem[]): number {
  const code = problems[0]?.code;
  if (code === undefined) return 500;
  return exact[code] ?? byPrefix.find(([p]) => code.startsWith(p))?.[1] ?? 422;
}

/** One problem as the JSON API shows it. */
export interface ProblemBody {
  readonly code: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly value: string | undefined;
  readonly message: string;
}

/** The body of every refusal: `{ problems: [...] }`, each with its English sentence. */
export function problemsBody(problems: readonly Problem[]): { problems: ProblemBody[] } {
  return {
    problems: problems.map((p) => ({
      code: p.code,
      line: p.line,
      field: p.field,
      value: p.value,
      message: message(p),
    })),
  };
}

/** Sends problems with the status this table gives them. */
export function replyProblems(reply: FastifyReply, problems: Problem | readonly Problem[]): FastifyReply {
  const list = Array.isArray(problems) ? (problems as readonly Problem[]) : [problems as Problem];
  const status = statusFor(list);
  // Every refusal is logged (who was refused what), so probing for other people's things shows up.
  if (status === 401 || status === 403)
    reply.log.warn(
      { refused: list[0]?.code, actor: reply.request.actor?.id, url: reply.request.url },
      "refused",
    );
  return reply.code(status).send(problemsBody(list));
}
