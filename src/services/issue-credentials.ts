import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  CREDENTIAL_BYTES,
  type CredentialMinter,
  type IssuedCredential,
  mintCredentials,
} from "../domain/ballots/index.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { analyzeCredentials, startCredentialCopy } from "../adapters/storage/repos/credentials.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import type { AuditSource } from "../domain/record/audit-entry.ts";
import type { JsonObject } from "../domain/record/canonical-json.ts";
import { enqueueMail, type MailToSend } from "../adapters/storage/repos/outbox.ts";
import { credentialMail } from "./credential-mail.ts";
import { saveReminderAddresses } from "../adapters/storage/repos/reminders.ts";
import type { VotingDeps } from "./voting-deps.ts";

/** One eligible voter to issue for: the electorate room's finished list (frozen roll + accepted − excluded). */
export interface VoterToIssue {
  readonly voterId: string;
  readonly section: string;
  /** Set when the voter's eligibility is under challenge: their ballot will be held. */
  readonly heldCase?: string | null;
  /** Where the one-click link is mailed; voters without one get only the print file. */
  readonly email?: string | null;
  /** The voter's region (roll column or postcode area), carried onto their ballot; null if none. */
  readonly region?: string | null;
}

/** The secrets of one batch, handed to the delivery sink (print file, outbox) inside the transaction. */
export interface IssuedSecrets {
  readonly voterId: string;
  readonly section: string;
  readonly code: string;
  readonly linkToken: string;
}

const BATCH = 5_000;
/** Batches a worker minter may run ahead of the inserts (memory: about 1 MB each). */
const AHEAD = 3;

interface Minted {
  readonly v: VoterToIssue;
  readonly c: IssuedCredential;
}

/**
 * Issues one credential per voter, all or nothing, in batches of 5,000 rows streamed through one COPY
 * (one COPY per batch on PGlite). Only
 * keyed hashes are stored; each batch's secrets go to `deliver` inside the same transaction (a
 * rolled-back issue must also discard what `deliver` wrote, e.g. a temporary print file).
 */
export async function issueCredentials(
  store: Store,
  deps: VotingDeps,
  input: {
    electionId: string;
    voters: readonly VoterToIssue[];
    /** When set, voters with an email get the link by mail (outbox rows in this transaction). */
    mail?: { linkBase: string; slug: string; electionTitle: string };
    /** Who issued, for the audit entry written in the same transaction. */
    audit?: { actor: { id: string; role: string }; source: AuditSource; details?: JsonObject };
  },
  deliver: (batch: readonly IssuedSecrets[]) => Promise<void>,
): Promise<Result<{ issued: number }, Problem[]>> {
  const seen = new Set<string>();
  for (const v of input.voters) {
    if (seen.has(v.voterId))
      return err([
        problem("input.invalid", { field: "voter", value: v.voterId, facts: { reason: "listed twice" } }),
      ]);
    seen.add(v.voterId);
  }
  return store.transaction(async (tx) => {
    const poll = await findPoll(tx, input.electionId);
    if (poll === undefined) return err([problem("not-found", { field: "poll" })]);
    // Batches are minted ahead: by the worker thread (deps.mint) while the database stores the batch
    // before, or in line once the insert has reached the socket. One batch is not worth a thread.
    const threaded = deps.mint !== undefined && input.voters.length > BATCH;
    const mint: CredentialMinter =
      threaded && deps.mint
        ? deps.mint
        : (random, count) => Promise.resolve(mintCredentials(random, count, deps.hash));
    const ahead = threaded ? AHEAD : 1;
    const minting: Promise<Minted[]>[] = [];
    let requested = 0;
    const request = () => {
      for (; minting.length < ahead && requested < input.voters.length; requested += BATCH) {
        const voters = input.voters.slice(requested, requested + BATCH);
        const batch = mint(deps.random(voters.length * CREDENTIAL_BYTES), voters.length).then((cs) =>
          cs.map((c, j) => ({ v: voters[j]!, c })),
        );
        batch.catch(() => undefined); // awaited in turn below; this only keeps Node from calling it unhandled meanwhile
        minting.push(batch);
      }
    };
    request();
    // Reminder addresses and mails are written once the COPY has ended: it holds the connection.
    const reminders: { voterId: string; email: string }[] = [];
    const mails: MailToSend[] = [];
    const copy = startCredentialCopy(tx, input.electionId);
    try {
      for (let i = 0; i < input.voters.length; i += BATCH) {
        const issued = await minting.shift()!;
        // The rows go to the database first; the next batches are minted meanwhile.
        await copy.insert(
          issued.map(({ v, c }) => ({
            voterId: v.voterId,
            section: v.section,
            codeHash: c.codeHash,
            linkHash: c.linkHash,
            heldCase: v.heldCase ?? null,
            region: v.region ?? null,
          })),
        );
        if (!threaded) await new Promise((resolve) => setImmediate(resolve)); // let the rows reach the socket
        request();
        for (const { v, c } of issued) {
          if (!v.email) continue;
          // Where reminders go (send-reminders.ts). No hashing here: the issue must stay fast.
          reminders.push({ voterId: v.voterId, email: v.email });
          const mail = input.mail;
          if (mail !== undefined)
            mails.push({
              electionId: input.electionId,
              kind: "credential",
              subjectRef: v.voterId,
              to: v.email,
              ...credentialMail({ ...mail, code: c.code, linkToken: c.linkToken }),
            });
        }
        await deliver(
          issued.map(({ v, c }) => ({
            voterId: v.voterId,
            section: v.section,
            code: c.code,
            linkToken: c.linkToken,
          })),
        );
      }
    } finally {
      // Ended even when the issue failed: the transaction's connection is busy until the COPY ends.
      await copy.end();
    }
    for (let i = 0; i < reminders.length; i += BATCH)
      await saveReminderAddresses(tx, input.electionId, reminders.slice(i, i + BATCH));
    for (let i = 0; i < mails.length; i += BATCH)
      await enqueueMail(tx, mails.slice(i, i + BATCH), deps.now());
    const bySection: Record<string, number> = {};
    for (const v of input.voters) bySection[v.section] = (bySection[v.section] ?? 0) + 1;
    await appendRecord(
      tx,
      input.electionId,
      { type: "credentials-issued", payload: { total: input.voters.length, bySection } },
      deps.now(),
    );
    if (input.audit)
      await appendAudit(
        tx,
        input.electionId,
        {
          actor: input.audit.actor,
          action: "credentials.issue",
          outcome: "succeeded",
          source: input.audit.source,
          details: {
            total: input.voters.length,
            mailed: input.mail ? input.voters.filter((v) => v.email).length : 0,
            bySection,
            ...input.audit.details,
          },
        },
        deps.now(),
      );
    await analyzeCredentials(tx);
    return ok({ issued: input.voters.length });
  });
}
