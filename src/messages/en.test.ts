import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { allProblemCodes } from "../domain/common/problem-codes/index.ts";
import { message } from "./en.ts";

test("every problem code has an English sentence", () => {
  for (const code of allProblemCodes) {
    const sentence = message({ code });
    assert.ok(sentence.length > 10, `${code} has no real sentence`);
  }
});

test("docs/problems.md lists every problem code", () => {
  const doc = readFileSync(new URL("../../docs/problems.md", import.meta.url), "utf8");
  const missing = allProblemCodes.filter((code) => !doc.includes(`\`${code}\``));
  assert.deepEqual(missing, [], `docs/problems.md is missing: ${missing.join(", ")}`);
});
