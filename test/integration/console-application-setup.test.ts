// The pages that prepare applications and vetting, over HTTP on both engines: a section's settings
// (each fault beside its field, the service's own check too), the register extract (every bad line
// beside the field, all or nothing, the same file twice harmless) and the panels (members chosen from
// the people holding the role; quorum and members checked beside their fields); each refused to the
// roles that may not use it, and a form without its CSRF token refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { findElectionBySlug } from "../../src/adapters/storage/repos/elections.ts";
import { listSettings } from "../../src/adapters/storage/repos/applications.ts";
import { listPanels } from "../../src/adapters/storage/repos/queues.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { defineElection } from "../../src/services/define-election.ts";
import { Client, consoleServer, postFrom, staffWithRole } from "../helpers/console.ts";
import { anExtract } from "../helpers/applications.ts";
import { admin, fixedDeps, labourDefinition } from "../helpers/electorate.ts";
import { forEachEngine } from "../helpers/engines.ts";

const settings = {
  section: "registered",
  kind: "registered",
  opensAt: "2016-07-18T16:00",
  closesAt: "2016-07-20T16:00",
  fee: "25.00",
  paymentDeadline: "2016-07-27T16:00",
  unionDeadline: "2016-08-08T11:00",
  pollingDay: "2016-09-21",
  appealWindowDays: "7",
  version: "2016-1",
  aimsAndValues: "I support the aims and values of the Party.",
  codeOfConduct: "I accept the Party's code of conduct.",
};

forEachEngine((engine) => {
  const { deps, as } = consoleServer(engine, "2016-07-15T09:00:00Z");
  const electionFor = async (slug: string) => {
    unwrap(
      await defineElection(engine.store, fixedDeps(), admin, { ...labourDefinition(), id: slug }, "cli"),
    );
    return (await engine.store.read((tx) => findElectionBySlug(tx, slug)))!.id;
  };

  test("officers set a section's applications up on its page, each fault beside its field; staff cannot", async () => {
    const slug = `app-settings-${engine.name}`;
    const electionId = await electionFor(slug);
    const page = `/console/elections/${slug}/applications/settings`;
    const ro = await as("returning-officer", slug);
    const first = await ro.send("GET", page);
    assert.equal(first.statusCode, 200);
    assert.match(
      first.body,
      /<option value="registered"/,
      "the definition's application sections are offered",
    );
    assert.match(first.body, /No section is set up for applications yet/);

    const bad = await postFrom(ro, page, page, { ...settings, fee: "twenty", pollingDay: "2016-02-30" });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="fee-error">fee &quot;twenty&quot; is not valid: pounds and pence/);
    assert.match(bad.body, /id="pollingDay-error">/);
    assert.match(bad.body, /value="2016-07-18T16:00"/, "what was typed is kept");
    // The service's own rule: the window must close after it opens.
    const backwards = await postFrom(ro, page, page, { ...settings, closesAt: "2016-07-17T16:00" });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /id="closesAt-error">[^<]*must be after opensAt/);
    assert.equal((await engine.store.read((tx) => listSettings(tx, electionId))).length, 0, "nothing saved");

    const saved = await postFrom(ro, page, page, settings);
    assert.equal(saved.statusCode, 303);
    const after = await ro.send("GET", saved.headers.location!);
    assert.match(after.body, /The settings for registered are saved/);
    assert.match(after.body, /2016-07-18T16:00 – 2016-07-20T16:00/);
    const stored = await engine.store.read((tx) => listSettings(tx, electionId));
    assert.equal(stored[0]?.feePence, 2500);
    assert.equal((await ro.send("GET", `/apply/${slug}/registered`)).statusCode, 200, "the form is open");
    const welsh = await ro.send("GET", `${page}?lang=cy`);
    assert.match(welsh.body, /<h1>Gosodiadau ceisiadau<\/h1>/);

    const staff = await as("staff", slug);
    assert.equal((await staff.send("GET", page)).statusCode, 403);
    const forged = await staff.send("POST", page, {
      csrf: Client.csrf((await staff.send("GET", `/console/elections/${slug}/applications`)).body),
      ...settings,
      fee: "0",
    });
    assert.equal(forged.statusCode, 403);
    assert.equal((await engine.store.read((tx) => listSettings(tx, electionId)))[0]?.feePence, 2500);
    assert.equal((await ro.send("POST", page, { ...settings, fee: "0" })).statusCode, 403, "no CSRF token");
  });

  test("staff import the register extract on its page: every bad line beside the field, nothing imported, then once", async () => {
    const slug = `register-${engine.name}`;
    await electionFor(slug);
    const page = `/console/elections/${slug}/applications/register`;
    const staff = await as("staff", slug);
    const good = anExtract([["Zoë", "Ng", "3 Canal Street", "M1 3HU", "1990-04-01"]]);
    const bad = await postFrom(staff, page, page, { csv: good.replace("M1 3HU", "not a postcode") });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="csv-error">Line 2: the register extract&#39;s postcode/);
    assert.match(bad.body, /Nothing was imported/);
    const done = await postFrom(staff, page, page, { csv: good });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Imported 1 register entries/);
    const again = await postFrom(staff, page, page, { csv: good });
    assert.match(again.body, /was imported before; nothing changed/);
    const scrutineer = await as("scrutineer", slug);
    assert.equal((await scrutineer.send("GET", page)).statusCode, 403);
  });

  test("officers set a panel up from the people holding the panel role; members and quorum checked beside their fields", async () => {
    const slug = `panels-${engine.name}`;
    const electionId = await electionFor(slug);
    const page = `/console/elections/${slug}/vetting/panels`;
    const ro = await as("returning-officer", slug);
    assert.match((await ro.send("GET", page)).body, /Nobody holds the vetting panel role/);
    await staffWithRole(engine.store, deps, "vetting-panel", slug, `pat@${slug}.example.org`);
    const form = await ro.send("GET", page);
    const patId = /name="members"\s+value="(staff:[^"]+)"/.exec(form.body)?.[1];
    assert.ok(patId, "the person with the role is offered");

    const none = await postFrom(ro, page, page, { name: "NEC panel", quorum: "1" });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /id="members-error">/);
    const tooMany = await postFrom(ro, page, page, { name: "NEC panel", quorum: "2", members: patId! });
    assert.match(tooMany.body, /id="quorum-error">[^<]*no more than the number of members/);
    const forged = await postFrom(ro, page, page, {
      name: "NEC panel",
      quorum: "1",
      members: "staff:someone-else",
    });
    assert.match(forged.body, /id="members-error">/, "only people holding the role can be members");
    assert.equal((await engine.store.read((tx) => listPanels(tx, electionId))).length, 0);

    const made = await postFrom(ro, page, page, { name: "NEC panel", quorum: "1", members: patId! });
    assert.equal(made.statusCode, 303);
    const listed = await ro.send("GET", made.headers.location!);
    assert.match(listed.body, /The panel NEC panel is set up/);
    const panels = await engine.store.read((tx) => listPanels(tx, electionId));
    assert.deepEqual(
      panels.map((p) => [p.name, p.quorum, p.members.map((m) => m.id)]),
      [["NEC panel", 1, [patId]]],
    );

    // Staff see the panels but cannot set one up; a panel member sees them too.
    const staff = await as("staff", slug);
    const staffPage = await staff.send("GET", page);
    assert.equal(staffPage.statusCode, 200);
    assert.match(staffPage.body, /NEC panel/);
    assert.doesNotMatch(staffPage.body, /method="post" action="[^"]*\/panels"/);
    const refused = await staff.send("POST", page, {
      csrf: Client.csrf(staffPage.body),
      name: "Staff panel",
      quorum: "1",
      members: patId!,
    });
    assert.equal(refused.statusCode, 403);
    assert.equal((await engine.store.read((tx) => listPanels(tx, electionId))).length, 1);
  });
});
