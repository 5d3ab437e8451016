import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { groupDuplicates, type DuplicateCandidate } from "./duplicates.ts";
import { applicationId, type ApplicationId } from "./ids.ts";

const at = (minute: number) => new Date(Date.UTC(2016, 6, 18, 12, minute));

test("the 117-times applicant: one kept, 116 pointing at it", () => {
  const apps: DuplicateCandidate[] = Array.from({ length: 117 }, (_, i) => ({
    id: applicationId(`a${String(i).padStart(3, "0")}`),
    receivedAt: at(i),
    keys: ["e:same@example.org|1980-01-01", "p:janedoe|1980-01-01|LS14AP"],
  }));
  // Arrival order is by time, not by the order the list happens to be in.
  const kept = groupDuplicates([...apps].reverse());
  const values = [...kept.values()];
  assert.equal(new Set(values).size, 1);
  assert.equal(values[0], "a000");
  assert.equal([...kept].filter(([id, k]) => id !== k).length, 116);
});

test("a chain of shared keys joins one person's applications", () => {
  const kept = groupDuplicates([
    { id: applicationId("a"), receivedAt: at(1), keys: ["e1", "p1"] },
    { id: applicationId("c"), receivedAt: at(3), keys: ["e2", "p2"] },
    { id: applicationId("b"), receivedAt: at(2), keys: ["e1", "p2"] },
    { id: applicationId("d"), receivedAt: at(4), keys: ["e9", "p9"] },
  ]);
  assert.equal(kept.get(applicationId("c")), "a");
  assert.equal(kept.get(applicationId("b")), "a");
  assert.equal(kept.get(applicationId("d")), "d");
});

test("grouping does not depend on the order of the list, and the earliest arrival is kept", () => {
  const candidate = fc.record({
    minute: fc.integer({ min: 0, max: 50 }),
    keys: fc.uniqueArray(fc.constantFrom("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8"), {
      minLength: 1,
      maxLength: 3,
    }),
  });
  fc.assert(
    fc.property(fc.array(candidate, { maxLength: 30 }), fc.func(fc.integer()), (raw, shuffleKey) => {
      const apps: DuplicateCandidate[] = raw.map((r, i) => ({
        id: applicationId(`id${i}`),
        receivedAt: at(r.minute),
        keys: r.keys,
      }));
      const shuffled = [...apps].sort((x, y) => shuffleKey(x.id) - shuffleKey(y.id));
      const a = groupDuplicates(apps);
      const b = groupDuplicates(shuffled);
      assert.deepEqual(new Map([...b].sort()), new Map([...a].sort()));
      for (const app of apps) {
        const keptId = a.get(app.id)!;
        const keptApp = apps.find((x) => x.id === keptId)!;
        assert.ok(
          keptApp.receivedAt <= app.receivedAt,
          "the kept application is never later than its duplicates",
        );
        assert.equal(a.get(keptId), keptId);
        // Applications sharing a key always share a kept application.
        for (const other of apps)
          if (other.keys.some((k) => app.keys.includes(k)))
            assert.equal(a.get(other.id), keptId as ApplicationId);
      }
    }),
    { numRuns: 300 },
  );
});
