import { test } from "node:test";
import assert from "node:assert/strict";
import { count, type BallotGroup } from "../counting/index.ts";
import { unwrap } from "../common/result.ts";
import { transfersOf } from "./transfers.ts";

const g = (n: number, ...ranking: number[]): BallotGroup => ({ count: n, ranking: ranking.map((c) => [c]) });

test("STV transfers: a surplus splits by next preferences; an exclusion moves whole votes", () => {
  // 2 seats, 100 ballots, quota 34 (Droop). Ann 50 (30 next Bob, 20 next Cy); Bob 20; Cy 18; Dee 12 (next Cy).
  const sheet = unwrap(
    count(
      {
        title: "Committee",
        candidates: ["Ann", "Bob", "Cy", "Dee"],
        seats: 2,
        withdrawn: [],
        tieOrder: [],
      },
      [g(30, 0, 1), g(20, 0, 2), g(20, 1), g(18, 2), g(12, 3, 2)],
      "scottish-stv",
      { seed: "1" },
    ),
  );
  const t = transfersOf(sheet);
  const surplus = t.find((s) => s.action === "surplus")!;
  assert.deepEqual(surplus.from, ["Ann"]);
  assert.equal(surplus.moved, "16.00000");
  // 16 over 50 papers: 30 × 0.32 = 9.6 to Bob, 20 × 0.32 = 6.4 to Cy (the weights are truncated to 5 places).
  assert.deepEqual(surplus.to, [
    { candidate: "Bob", votes: "9.60000" },
    { candidate: "Cy", votes: "6.40000" },
  ]);
  assert.equal(surplus.exhausted, "0.00000");
  const exclusion = t.find((s) => s.action === "exclusion")!;
  assert.deepEqual(exclusion.from, ["Dee"]);
  assert.equal(exclusion.moved, "12.00000");
  assert.deepEqual(exclusion.to, [{ candidate: "Cy", votes: "12.00000" }]);
});
