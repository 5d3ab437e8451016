// The readiness checklist before each step of an election.
export {
  beforeBallotOpens,
  beforeCredentialIssue,
  beforeCount,
  mayClosePoll,
  type Blocker,
  type ReadinessFacts,
} from "./readiness.ts";
