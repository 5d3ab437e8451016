import assert from "node:assert/strict";
import { test } from "node:test";
import {
  beforeBallotOpens,
  beforeCount,
  beforeCredentialIssue,
  mayClosePoll,
  type ReadinessFacts,
} from "./readiness.ts";

const closes = new Date("2016-09-21T12:00:00Z");
const poll = { opens: new Date("2016-08-22T09:00:00Z"), closes, closedAt: null, sealed: false };
const ready: ReadinessFacts = {
  frozen: true,
  nominations: { candidates: 2 },
  poll,
  credentialsIssued: 10,
  result: null,
};

test("before the ballot opens, every missing step is listed in order, and none once all are done", () => {
  assert.deepEqual(beforeBallotOpens(ready), []);
  assert.deepEqual(
    beforeBallotOpens({ frozen: false, nominations: "open", poll: null, credentialsIssued: 0, result: null }),
    ["not-frozen", "nominations-open", "poll-not-set", "no-credentials"],
  );
  assert.deepEqual(beforeBallotOpens({ ...ready, nominations: "none" }), ["nominations-not-set-up"]);
  assert.deepEqual(beforeBallotOpens({ ...ready, nominations: { candidates: 0 } }), ["no-candidates"]);
});

test("the count waits for the closing time, the close and the seal, and runs once", () => {
  const before = new Date(closes.getTime() - 1000);
  assert.deepEqual(beforeCount(ready, before), ["poll-still-open"]);
  assert.deepEqual(beforeCount(ready, closes), ["poll-not-closed"]);
  assert.deepEqual(beforeCount({ ...ready, poll: { ...poll, closedAt: closes } }, closes), [
    "box-not-sealed",
  ]);
  const sealed = { ...ready, poll: { ...poll, closedAt: closes, sealed: true } };
  assert.deepEqual(beforeCount(sealed, closes), []);
  assert.deepEqual(beforeCount({ ...sealed, result: "counted" }, closes), ["counted-already"]);
  assert.deepEqual(beforeCount({ ...ready, poll: null }, closes), ["poll-not-set"]);
});

test("the poll may be closed only at or after its closing time, and only until it is sealed", () => {
  assert.ok(!mayClosePoll(ready, new Date(closes.getTime() - 1)));
  assert.ok(mayClosePoll(ready, closes));
  assert.ok(!mayClosePoll({ ...ready, poll: { ...poll, closedAt: closes, sealed: true } }, closes));
  assert.ok(!mayClosePoll({ ...ready, poll: null }, closes));
});

test("credentials are issued once, to a frozen electorate, for a poll that is set and not closed", () => {
  const unissued = { ...ready, credentialsIssued: 0 };
  assert.deepEqual(beforeCredentialIssue(unissued), []);
  assert.deepEqual(beforeCredentialIssue(ready), ["credentials-issued"]);
  assert.deepEqual(beforeCredentialIssue({ ...unissued, frozen: false, poll: null }), [
    "not-frozen",
    "poll-not-set",
  ]);
  assert.deepEqual(beforeCredentialIssue({ ...unissued, poll: { ...poll, closedAt: closes } }), [
    "poll-closed",
  ]);
});
