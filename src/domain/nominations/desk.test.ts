import assert from "node:assert/strict";
import { test } from "node:test";
import { aBody, aCandidate, aState } from "../../../test/fixtures/nominations.ts";
import { candidaciesOf, nominatorsFor } from "./desk.ts";

const plp = aBody("plp", 3, { name: "PLP" });
const clp = aBody("clp", 2, { kind: "branches", officers: ["email:sec@clp.example"] });
const state = aState([plp, clp], [aCandidate("smith", "Owen Smith")]);

test("a nominator's own account sees only its own nominator; a body's officer sees the whole body", () => {
  assert.deepEqual(
    nominatorsFor(state, ["staff:1", "acct-plp-2"]).map((n) => n.id),
    ["plp-2"],
  );
  assert.deepEqual(
    nominatorsFor(state, ["staff:2", "email:sec@clp.example"]).map((n) => n.id),
    ["clp-1", "clp-2"],
  );
  assert.deepEqual(nominatorsFor(state, ["staff:3", "email:someone@else.example"]), []);
});

test("staff entering paper forms see every nominator of every body", () => {
  assert.equal(nominatorsFor(state, "paper").length, 5);
});

test("a candidate's account finds its own candidacy and no other", () => {
  const s = aState([plp], [aCandidate("smith", "Owen Smith"), aCandidate("eagle", "Angela Eagle")]);
  const smith = s.candidates[0]!;
  assert.deepEqual(
    candidaciesOf(s, ["x", smith.account]).map((c) => c.id),
    ["smith"],
  );
  assert.deepEqual(candidaciesOf(s, ["nobody"]), []);
});
