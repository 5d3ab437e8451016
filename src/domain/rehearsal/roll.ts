import { person } from "./people.ts";
import { seeded, shuffled } from "./seeded.ts";

/** The column mapping the generated roll uses (the electorate room's mapping format). */
export const rollMapping = {
  columns: {
    memberNumber: "Member No",
    name: ["First Name", "Last Name"],
    email: "Email",
    addressLines: ["Street", "Town"],
    postcode: "Postcode",
    joinDate: "Joined",
    status: "Status",
    arrears: "Owes (GBP)",
  },
  statuses: { "Paid up": "good-standing", Lapsed: "lapsed" },
  arrearsUnit: "pounds",
} as const;

/** The member section's rules for a freeze date: joined on or before it, paid up, owing nothing. */
export function memberRules(freezeDate: string): Record<string, unknown> {
  return { joinedOnOrBefore: freezeDate, statuses: ["good-standing"], maxArrearsPence: 0 };
}

/** Why a generated roll row is there. */
export type RollRowKind = "eligible" | "joinedAfterFreeze" | "lapsed" | "inArrears";

/** Days from 1970-01-01 to a YYYY-MM-DD date, and back. */
const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

/**
 * The generated membership roll as CSV text, in a shuffled order: `eligible` members who joined on or
 * before the freeze date and are paid up (the i-th is `person("m", i)`), then members the freeze must
 * leave out by rule: joined in the days after it, lapsed, or owing subscriptions.
 */
export function generateRoll(
  counts: { eligible: number; joinedAfterFreeze: number; lapsed: number; inArrears: number },
  freezeDate: string,
  seed: number,
): string {
  const f = day(freezeDate);
  const kinds: RollRowKind[] = [];
  const push = (k: RollRowKind, n: number) => {
    for (let j = 0; j < n; j++) kinds.push(k);
  };
  push("eligible", counts.eligible);
  push("joinedAfterFreeze", counts.joinedAfterFreeze);
  push("lapsed", counts.lapsed);
  push("inArrears", counts.inArrears);
  const order = shuffled(
    kinds.map((k, i) => i),
    seeded(seed),
  );
  const lines = ["Member No,First Name,Last Name,Email,Street,Town,Postcode,Joined,Status,Owes (GBP)"];
  for (const i of order) {
    const kind = kinds[i]!;
    const p = person("m", i);
    // Eligible and lapsed members joined in the 20 years before the freeze; late joiners in the 180 days after.
    const joined = kind === "joinedAfterFreeze" ? iso(f + 1 + (i % 180)) : iso(f - 1 - (i % 7300));
    const status = kind === "lapsed" ? "Lapsed" : "Paid up";
    const owes = kind === "inArrears" ? `${3 + (i % 40)}.50` : "0.00";
    lines.push(
      `L${String(i + 1).padStart(7, "0")},${p.forenames},${p.surname},${p.email},"${p.addressLine1}",${p.town},${p.postcode},${joined},${status},${owes}`,
    );
  }
  return lines.join("\n") + "\n";
}

/** The member number of the i-th generated roll row. */
export const memberNumber = (i: number): string => `L${String(i + 1).padStart(7, "0")}`;
