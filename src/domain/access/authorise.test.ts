import assert from "node:assert/strict";
import { test } from "node:test";
import { authorise } from "./authorise.ts";
import { permissions } from "./actions.ts";
import { roles } from "./roles.ts";

test("an anonymous caller is asked to sign in", () => {
  const r = authorise(undefined, "record.verify", "e1");
  assert.ok(!r.ok);
  assert.equal(r.error.code, "access.sign-in-required");
});

test("a role without the action is refused, a role with it is allowed", () => {
  assert.ok(authorise({ id: "s", role: "scrutineer" }, "record.verify", "e1").ok);
  const r = authorise({ id: "c", role: "candidate" }, "record.verify", "e1");
  assert.ok(!r.ok && r.error.code === "access.denied");
  assert.ok(
    !authorise({ id: "o", role: "observer" }, "audit.read", "e1").ok,
    "observers never read the audit log",
  );
});

test("an actor limited to one election is refused in another", () => {
  const officer = { id: "ro", role: "returning-officer" as const, electionId: "e1" };
  assert.ok(authorise(officer, "roll.import", "e1").ok);
  const r = authorise(officer, "roll.import", "e2");
  assert.ok(!r.ok && r.error.code === "access.denied");
  assert.ok(!authorise(officer, "token.create", null).ok);
});

test("every action names only real roles, and no action is open to voters by accident", () => {
  for (const [action, allowed] of Object.entries(permissions)) {
    for (const role of allowed) assert.ok((roles as readonly string[]).includes(role), `${action}: ${role}`);
    assert.ok(!(allowed as readonly string[]).includes("voter"), `${action} is open to voters`);
  }
});
