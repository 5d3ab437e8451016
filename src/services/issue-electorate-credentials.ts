import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { AuditSource } from "../domain/record/audit-entry.ts";
import { beforeCredentialIssue, type Blocker, type ReadinessFacts } from "../domain/readiness/index.ts";
import type { Store, Tx } from "../ports/store.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { getRollState } from "../adapters/storage/repos/roll.ts";
import { turnoutBySection } from "../adapters/storage/repos/turnout.ts";
import { auditIfRefused, refusalCodes } from "./audit-refusal.ts";
import { pollFacts } from "./read-readiness.ts";
import { gatherCredentialElectorate } from "./gather-credential-electorate.ts";
import { issueCredentials, type IssuedSecrets, type VoterToIssue } from "./issue-credentials.ts";
import type { VotingDeps } from "./voting-deps.ts";

// Journey step 6 for both the console and `selectorate credentials issue`: the role, the readiness
// check, the electorate, the issue and its audit entry, so the two never drift apart. The console's
// mail-only button asks `everyoneByMail` and is refused when any voter has no address (their code
// would exist nowhere once the issue commits); its print-pack button and the CLI hand `deliver` a
// print file (src/adapters/print/issue-with-print-files.ts) and say who goes in it (`print`).

/** What an issue did, for the page or the terminal. */
export interface IssueOutcome {
  readonly issued: number;
  readonly bySection: Readonly<Record<string, number>>;
  /** Voters whose link was queued in the outbox. */
  readonly mailed: number;
  readonly title: string;
  readonly voters: readonly VoterToIssue[];
  /** Left out of the electorate read (zero when the voters were given). */
  readonly excluded: number;
  readonly placedEarlier: number;
  readonly held: number;
}

/** The readiness facts the issue needs, read in the caller's snapshot. */
export async function credentialIssueFacts(
  tx: Tx,
  electionId: string,
): Promise<Pick<ReadinessFacts, "frozen" | "poll" | "credentialsIssued">> {
  const [roll, poll, turnout] = [
    await getRollState(tx, electionId),
    await findPoll(tx, electionId),
    await turnoutBySection(tx, electionId),
  ];
  return {
    frozen: roll?.frozenAt != null,
    poll: pollFacts(poll),
    credentialsIssued: turnout.reduce((n, s) => n + s.issued, 0),
  };
}

const blockerProblem: Partial<Record<Blocker, Problem>> = {
  "not-frozen": problem("input.invalid", {
    field: "the roll",
    facts: { reason: "it is not frozen yet; freeze it first" },
  }),
  "poll-not-set": problem("not-found", { field: "poll" }),
  "poll-closed": problem("poll.already-closed"),
  "credentials-issued": problem("credential.issued-already"),
};

/**
 * Issues every voter's credential once the actor may (`credentials.issue`) and nothing blocks it,
 * queues the link mail when `mail` is given, and audits who issued how many. A partial issue (named
 * sections or a list of voters, from the CLI) skips the "issued already" and freeze checks: the
 * database refuses a voter issued twice, and a given list is not read from the freeze.
 */
export async function issueElectorateCredentials(
  store: Store,
  deps: VotingDeps,
  actor: Actor | undefined,
  input: {
    electionId: string;
    voters?: readonly VoterToIssue[];
    sections?: readonly string[];
    mail?: { linkBase: string; slug: string };
    everyoneByMail?: boolean;
    /**
     * Who goes to `deliver` (the print file): everyone (the default, as the CLI's file has always
     * held), or only the voters with no email address, who would otherwise get nothing.
     */
    print?: "everyone" | "unmailed";
    /** How many voters the officer confirmed; a different number now refuses the issue. */
    expected?: number;
  },
  source: AuditSource,
  deliver: (batch: readonly IssuedSecrets[]) => Promise<void> = async () => {},
): Promise<Result<IssueOutcome, Problem[]>> {
  const attempt = { electionId: input.electionId, actor, action: "credentials.issue", source, now: deps.now };
  const allowed = authorise(actor, "credentials.issue", input.electionId);
  if (!allowed.ok) return auditIfRefused(store, attempt, refusalCodes, err([allowed.error]));
  const partial = input.voters !== undefined || input.sections !== undefined;
  const ready = await store.read(async (tx) => {
    const election = await findElectionById(tx, input.electionId);
    if (!election) return err([problem("not-found", { field: "election" })]);
    const blockers = beforeCredentialIssue({
      ...(await credentialIssueFacts(tx, input.electionId)),
      nominations: "none",
      result: null,
    }).filter((b) => !partial || (b !== "credentials-issued" && b !== "not-frozen"));
    const problems = blockers.flatMap((b) => blockerProblem[b] ?? []);
    return problems.length > 0 ? err(problems) : ok(election.title);
  });
  if (!ready.ok) return ready;
  let voters: readonly VoterToIssue[];
  let left = { excluded: 0, placedEarlier: 0 };
  if (input.voters !== undefined) voters = input.voters;
  else {
    const gathered = await gatherCredentialElectorate(store, {
      electionId: input.electionId,
      ...(input.sections ? { sections: input.sections } : {}),
    });
    if (!gathered.ok) return gathered;
    voters = gathered.value.voters;
    left = { excluded: gathered.value.excluded.length, placedEarlier: gathered.value.placedEarlier.length };
  }
  if (input.expected !== undefined && input.expected !== voters.length)
    return err([
      problem("credential.electorate-changed", { facts: { expected: input.expected, now: voters.length } }),
    ]);
  const unmailed = voters.filter((v) => !v.email).length;
  if (input.everyoneByMail && unmailed > 0)
    return err([problem("credential.no-email", { facts: { count: unmailed } })]);
  const mail = input.mail;
  // Who has an address, to keep the mailed voters out of a print file of the unmailed only.
  const mailedIds = new Set(voters.flatMap((v) => (v.email ? [v.voterId] : [])));
  const unmailedOnly = input.print === "unmailed";
  const printed = unmailedOnly ? unmailed : voters.length;
  const issued = await issueCredentials(
    store,
    deps,
    {
      electionId: input.electionId,
      voters,
      ...(mail ? { mail: { ...mail, electionTitle: ready.value } } : {}),
      audit: { actor: allowed.value, source, ...(input.print ? { details: { printed } } : {}) },
    },
    unmailedOnly ? (batch) => deliver(batch.filter((s) => !mailedIds.has(s.voterId))) : deliver,
  );
  if (!issued.ok) return issued;
  const bySection: Record<string, number> = {};
  for (const v of voters) bySection[v.section] = (bySection[v.section] ?? 0) + 1;
  return ok({
    issued: issued.value.issued,
    bySection,
    mailed: mail ? voters.length - unmailed : 0,
    title: ready.value,
    voters,
    ...left,
    held: voters.filter((v) => v.heldCase).length,
  });
}

/** A print file as audited: how many pages, how many without an address, and its SHA-256s. */
export interface PrintFileFacts {
  readonly pages: number;
  readonly noAddress: number;
  readonly csvSha256: string;
  readonly pdfSha256: string | null;
}

/**
 * Audits that `actor` was handed the print file of an issue (`credentials.print-file`): the pages and
 * the files' SHA-256, so a copy found later can be named, and never a code.
 */
export async function recordPrintFile(
  store: Store,
  deps: VotingDeps,
  actor: Actor,
  electionId: string,
  source: AuditSource,
  file: PrintFileFacts,
): Promise<void> {
  await store.transaction(async (tx) => {
    await appendAudit(
      tx,
      electionId,
      {
        actor: { id: actor.id, role: actor.role },
        action: "credentials.print-file",
        outcome: "succeeded",
        source,
        details: {
          pages: file.pages,
          noAddress: file.noAddress,
          csvSha256: file.csvSha256,
          pdfSha256: file.pdfSha256,
        },
      },
      deps.now(),
    );
    return ok(undefined);
  });
}
