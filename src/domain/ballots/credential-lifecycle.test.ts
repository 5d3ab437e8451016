import assert from "node:assert/strict";
import { test } from "node:test";
import type { CredentialState } from "./credential-lifecycle.ts";
import { decideCast, decidePostalReturn, decideReissue, decideRevoke } from "./credential-lifecycle.ts";

const w = { opens: new Date("2026-01-01T00:00:00Z"), closes: new Date("2026-02-01T12:00:00Z") };
const now = new Date("2026-01-15T10:00:00Z");
const fresh: CredentialState = { used: false, revoked: false, held: false, issueNumber: 1 };
const code = (r: { ok: boolean; error?: { code: string } } | { ok: true }) =>
  "error" in r ? r.error?.code : "ok";

test("an unused credential votes into staging; a challenged voter's into a held envelope", () => {
  assert.deepEqual(decideCast(fresh, w, now), { ok: true, value: "staging" });
  assert.deepEqual(decideCast({ ...fresh, held: true }, w, now), { ok: true, value: "held" });
});

test("used, revoked and closed are refused with their own reasons", () => {
  assert.equal(
    code(decideCast({ ...fresh, used: true, usedChannel: "postal" }, w, now)),
    "credential.already-used",
  );
  assert.equal(code(decideCast({ ...fresh, revoked: true }, w, now)), "credential.revoked");
  assert.equal(code(decideCast(fresh, w, w.closes)), "poll.closed");
});

test("a postal paper after an online vote is a recorded duplicate, not counted", () => {
  const r = decidePostalReturn({ ...fresh, used: true, usedChannel: "online" }, w, now);
  assert.equal(code(r), "credential.postal-duplicate");
  assert.deepEqual(decidePostalReturn(fresh, w, now), { ok: true, value: "staging" });
});

test("reissue bumps the issue number and is refused once voted, revoked or closed", () => {
  assert.deepEqual(decideReissue(fresh, w, now), { ok: true, value: { issueNumber: 2 } });
  assert.equal(code(decideReissue({ ...fresh, used: true }, w, now)), "credential.cannot-reissue-used");
  assert.equal(code(decideReissue({ ...fresh, revoked: true }, w, now)), "credential.revoked");
  assert.equal(code(decideReissue(fresh, w, w.closes)), "poll.closed");
  assert.equal(decideRevoke(fresh).ok, true);
  assert.equal(code(decideRevoke({ ...fresh, used: true })), "credential.already-used");
});
