// The readiness checklist the console shows before each step, as facts in, blockers out (no I/O, the
// clock as an argument). Each blocker is a stable key the console turns into a plain sentence, so
// the returning officer sees what is missing before the ballot opens and before the count.

/** What is known about an election's progress, read in one go. */
export interface ReadinessFacts {
  readonly frozen: boolean;
  /** Nominations: never set up, open, or closed with this many candidates on the paper. */
  readonly nominations: "none" | "open" | { readonly candidates: number };
  readonly poll: {
    readonly opens: Date;
    readonly closes: Date;
    readonly closedAt: Date | null;
    readonly sealed: boolean;
  } | null;
  readonly credentialsIssued: number;
  /** The result's status, or null before the count. */
  readonly result: "counted" | "signed-off" | "declared" | "published" | null;
}

/** Why a step cannot be taken yet (console message keys under `readiness.`). */
export type Blocker =
  | "not-frozen"
  | "nominations-not-set-up"
  | "nominations-open"
  | "no-candidates"
  | "poll-not-set"
  | "no-credentials"
  | "poll-not-closed"
  | "poll-still-open"
  | "box-not-sealed"
  | "counted-already"
  | "credentials-issued"
  | "poll-closed";

/** What stands between the election and opening the ballot (empty: the ballot can open). */
export function beforeBallotOpens(f: ReadinessFacts): Blocker[] {
  const out: Blocker[] = [];
  if (!f.frozen) out.push("not-frozen");
  if (f.nominations === "none") out.push("nominations-not-set-up");
  else if (f.nominations === "open") out.push("nominations-open");
  else if (f.nominations.candidates === 0) out.push("no-candidates");
  if (f.poll === null) out.push("poll-not-set");
  if (f.credentialsIssued === 0) out.push("no-credentials");
  return out;
}

/**
 * What stands between the election and issuing every voter's credential (empty: issue now). The
 * poll must be set (the credentials belong to its ballot) and not closed; the electorate frozen
 * (the list is read from the freeze); and nothing issued yet, since the whole electorate is issued
 * at once and a lost credential is replaced by a reissue, not a second issue.
 */
export function beforeCredentialIssue(f: ReadinessFacts): Blocker[] {
  const out: Blocker[] = [];
  if (!f.frozen) out.push("not-frozen");
  if (f.poll === null) out.push("poll-not-set");
  else if (f.poll.closedAt !== null) out.push("poll-closed");
  if (f.credentialsIssued > 0) out.push("credentials-issued");
  return out;
}

/** What stands between the election and the count at `now` (empty: the count can run). */
export function beforeCount(f: ReadinessFacts, now: Date): Blocker[] {
  if (f.result !== null) return ["counted-already"];
  if (f.poll === null) return ["poll-not-set"];
  if (f.poll.closedAt === null)
    return [now.getTime() < f.poll.closes.getTime() ? "poll-still-open" : "poll-not-closed"];
  if (!f.poll.sealed) return ["box-not-sealed"];
  return [];
}

/** Whether the poll may be closed now: set up, past its closing time, not yet sealed. */
export function mayClosePoll(f: ReadinessFacts, now: Date): boolean {
  return f.poll !== null && !f.poll.sealed && now.getTime() >= f.poll.closes.getTime();
}
