import assert from "node:assert/strict";
import { test } from "node:test";
import { pollProblem } from "./poll-window.ts";
import { decideCast } from "./credential-lifecycle.ts";

// 12:00 Europe/London on 12 September 2016 (BST, UTC+1) is 11:00Z.
const bst = { opens: new Date("2016-08-22T09:00:00Z"), closes: new Date("2016-09-12T11:00:00.000Z") };

test("exact close in summer time: 11:59:59.999 BST accepted, 12:00:00.000 BST refused", () => {
  assert.equal(pollProblem(bst, new Date("2016-09-12T10:59:59.999Z")), undefined);
  assert.equal(pollProblem(bst, new Date("2016-09-12T11:00:00.000Z"))?.code, "poll.closed");
  assert.equal(pollProblem(bst, new Date("2016-08-22T08:59:59.999Z"))?.code, "poll.not-open");
});

test("a close on the day the clocks go back (30 Oct 2016) is still exact in UTC", () => {
  // 12:00 GMT on 30 October 2016 is 12:00Z; the clocks went back at 01:00Z that morning.
  const w = { opens: new Date("2016-10-29T12:00:00Z"), closes: new Date("2016-10-30T12:00:00.000Z") };
  assert.equal(pollProblem(w, new Date("2016-10-30T11:59:59.999Z")), undefined);
  assert.equal(pollProblem(w, new Date("2016-10-30T12:00:00.000Z"))?.code, "poll.closed");
  // The ambiguous local hour 01:00–02:00 happens twice in London; both UTC instants are simply open.
  assert.equal(pollProblem(w, new Date("2016-10-30T00:30:00Z")), undefined);
  assert.equal(pollProblem(w, new Date("2016-10-30T01:30:00Z")), undefined);
});

test("a close on the day the clocks go forward (27 Mar 2016) is exact", () => {
  // 12:00 BST on 27 March 2016 is 11:00Z.
  const w = { opens: new Date("2016-03-20T12:00:00Z"), closes: new Date("2016-03-27T11:00:00.000Z") };
  const state = { used: false, revoked: false, held: false, issueNumber: 1 };
  assert.equal(decideCast(state, w, new Date("2016-03-27T10:59:59.999Z")).ok, true);
  const late = decideCast(state, w, new Date("2016-03-27T11:00:00.000Z"));
  assert.equal(!late.ok && late.error.code, "poll.closed");
});
