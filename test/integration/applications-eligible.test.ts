import assert from "node:assert/strict";
import { test } from "node:test";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import { memberNumber } from "../../src/domain/common/ids.ts";
import type { CalendarDate } from "../../src/domain/common/calendar-date.ts";
import type { Pence } from "../../src/domain/common/money.ts";
import { insertRollEntries } from "../../src/adapters/storage/repos/roll.ts";
import { addElectorateMembers } from "../../src/adapters/storage/repos/electorate.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { submitApplication } from "../../src/services/submit-application.ts";
import { importRegisterExtract } from "../../src/services/import-register-extract.ts";
import { decideApplications } from "../../src/services/decide-applications.ts";
import { rollEligiblePeople } from "../../src/services/roll-eligible.ts";
import { applicationStatus } from "../../src/services/application-status.ts";
import { forEachEngine } from "../helpers/engines.ts";
import {
  aClock,
  aForm,
  anApplicationsElection,
  anExtract,
  appDeps,
  officer,
  staff,
  times,
} from "../helpers/applications.ts";

forEachEngine((engine) => {
  test("a frozen member who applies as a supporter is rejected as already eligible, naming the member section", async () => {
    const store = engine.store;
    const clock = aClock(times.during);
    const deps = appDeps(clock.now);
    const electionId = await anApplicationsElection(store, `elig-${engine.name}`);
    await store.transaction(async (tx) => {
      await dbOf(tx)
        .updateTable("elections")
        .set({
          definition: JSON.stringify({ sections: [{ id: "member", source: { kind: "roll", rules: {} } }] }),
        })
        .where("id", "=", electionId)
        .execute();
      await insertRollEntries(tx, electionId, [
        {
          memberNumber: memberNumber("L0001"),
          name: "Mo Member",
          email: "MO@example.org",
          addressLines: ["4 Roll Road"],
          postcode: "LS6 2AB",
          dateOfBirth: null,
          joinDate: "2015-01-01" as CalendarDate,
          status: "good-standing",
          arrearsPence: 0 as Pence,
          region: null,
        },
      ]);
      await addElectorateMembers(tx, electionId, "member", ["L0001"], 1);
      return ok(undefined);
    });
    const people = await store.read((tx) => rollEligiblePeople(tx, electionId));
    assert.deepEqual(people, [
      { section: "member", name: "Mo Member", email: "MO@example.org", postcode: "LS6 2AB" },
    ]);
    const applied = unwrap(
      await submitApplication(store, deps, {
        electionId,
        sectionId: "registered",
        form: aForm({ forenames: "Mo", surname: "Member", email: "mo@example.org" }),
      }),
    );
    unwrap(
      await importRegisterExtract(
        store,
        deps,
        { actor: staff, source: "cli" },
        electionId,
        anExtract([["Mo", "Member", "12 Acacia Avenue", "LS6 2AB", "1970-03-04"]]),
      ),
    );
    clock.set(times.afterDeadlines);
    const tally = unwrap(
      await decideApplications(
        store,
        { now: clock.now, eligiblePeople: rollEligiblePeople },
        { actor: officer, source: "cli" },
        electionId,
      ),
    );
    assert.deepEqual(tally.rejected, { "application.already-eligible": 1 });
    const status = unwrap(await applicationStatus(store, applied.statusToken));
    assert.match(status.sentence ?? "", /already vote in this election \(as a member\)/);
  });
});
