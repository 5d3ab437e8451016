import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { unwrap } from "../common/result.ts";
import { readScenario } from "../declaration/index.ts";
import { rehearsalFigures } from "./figures.ts";

const labour = unwrap(
  readScenario(
    JSON.parse(readFileSync(new URL("../../../examples/labour-2016/scenario.json", import.meta.url), "utf8")),
  ),
);

test("2016 at full size: 50,654 rejections split by largest remainder as docs/demo.md states", () => {
  const registered = unwrap(rehearsalFigures(labour)).sections.find((s) => s.kind === "registered")!;
  assert.equal(registered.applications, 183_000);
  assert.equal(registered.admitted, 132_346);
  // The full-size replay found exactly these; docs/demo.md once gave 15,045 / 12,036 / 4,014 by hand.
  assert.deepEqual(registered.rejections, {
    duplicate: 15_046,
    unpaid: 12_037,
    notFound: 8_024,
    notResident: 6_018,
    alreadyEligible: 5_517,
    under18: 4_012,
  });
});
