import assert from "node:assert/strict";
import { test } from "node:test";
import { checkApplication, type ApplicationForm, type ApplicationWindow } from "./submission.ts";

const window: ApplicationWindow = {
  kind: "registered",
  opensAt: new Date("2016-07-18T16:00:00Z"),
  closesAt: new Date("2016-07-20T16:00:00Z"),
  declaration: {
    version: "2016-1",
    aimsAndValues: "I support the aims and values.",
    codeOfConduct: "I accept the code.",
  },
};
const form: ApplicationForm = {
  forenames: "Jane",
  surname: "Smith",
  email: "jane@example.org",
  dateOfBirth: "1970-03-04",
  addressLine1: "12 Acacia Avenue",
  town: "Leeds",
  postcode: "ls62ab",
  country: "GB",
  supportsAimsAndValues: true,
  acceptsCodeOfConduct: true,
};
const during = new Date("2016-07-19T12:00:00Z");

test("a good application is checked, normalised, and carries the declaration text it was made against", () => {
  const r = checkApplication(form, window, during);
  assert.ok(r.ok);
  if (r.ok) {
    assert.equal(r.value.identity.postcode.display, "LS6 2AB");
    assert.equal(r.value.declaration.aimsAndValues, "I support the aims and values.");
    assert.equal(r.value.declaration.version, "2016-1");
    assert.equal(r.value.keys.length, 2);
  }
});

test("the window is enforced at both ends, to the millisecond", () => {
  const early = checkApplication(form, window, new Date("2016-07-18T15:59:59.999Z"));
  assert.ok(!early.ok && early.error[0]?.code === "application.window-not-open");
  const closed = checkApplication(form, window, window.closesAt);
  assert.ok(!closed.ok && closed.error[0]?.code === "application.window-closed");
  assert.ok(checkApplication(form, window, new Date("2016-07-20T15:59:59.999Z")).ok);
});

test("every faulty field is named at once", () => {
  const r = checkApplication(
    {
      ...form,
      email: "not-an-email",
      dateOfBirth: "1970-02-30",
      surname: " ",
      postcode: "XX",
      acceptsCodeOfConduct: false,
    },
    window,
    during,
  );
  assert.ok(!r.ok);
  if (!r.ok)
    assert.deepEqual(r.error.map((p) => p.field).sort(), [
      "acceptsCodeOfConduct",
      "dateOfBirth",
      "email",
      "postcode",
      "surname",
    ]);
});

test("an affiliated supporter must name a union and a membership number", () => {
  const r = checkApplication(form, { ...window, kind: "affiliated" }, during);
  assert.ok(!r.ok);
  if (!r.ok)
    assert.deepEqual(
      r.error.map((p) => `${p.code}:${p.field}`),
      ["application.union-details-missing:union", "application.union-details-missing:membershipNumber"],
    );
  const good = checkApplication(
    { ...form, union: "Unite", membershipNumber: "U-123" },
    { ...window, kind: "affiliated" },
    during,
  );
  assert.ok(good.ok && good.value.union?.membershipNumber === "U-123");
});
