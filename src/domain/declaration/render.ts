import type { Declaration, Tally } from "./declaration.ts";

const n = (x: number) => x.toLocaleString("en-GB");

/** The declaration as plain text, as the returning officer reads it out: totals, then each section. */
export function renderDeclarationText(d: Declaration): string {
  const lines: string[] = [d.title, "=".repeat(d.title.length), ""];
  const block = (heading: string, t: Tally) => {
    lines.push(heading);
    t.stages.forEach((s, i) => {
      if (t.stages.length > 1)
        lines.push(
          `  Stage ${i + 1}${d.stages[i]?.excluded.length ? ` (after excluding ${d.stages[i]!.excluded.join(", ")})` : ""}`,
        );
      d.candidates.forEach((c, k) => {
        if (i > 0 && s.votes[k] === 0 && d.stages.slice(0, i + 1).some((x) => x.excluded.includes(c))) return;
        lines.push(`    ${c.padEnd(28)} ${n(s.votes[k]!).padStart(10)}  ${s.percent[k]!.padStart(5)}%`);
      });
      if (s.exhausted > 0)
        lines.push(`    ${"No further preference".padEnd(28)} ${n(s.exhausted).padStart(10)}`);
    });
    lines.push(
      `    Valid ballots ${n(t.valid)}; spoilt ${n(t.spoilt)}${t.eligible !== null ? `; eligible ${n(t.eligible)}; turnout ${t.turnoutPercent}%` : ""}`,
    );
    lines.push("");
  };
  block("Total", d.total);
  if (d.weightedShares)
    d.weightedShares.forEach((shares, i) =>
      lines.push(
        `Weighted shares, stage ${i + 1}: ${d.candidates.map((c, k) => `${c} ${shares[k]}%`).join(", ")}`,
      ),
    );
  if (d.weightedShares) lines.push("");
  for (const s of d.sections) {
    block(`${s.label}${s.weight !== null ? ` (weight ${s.weight})` : ""}`, s.tally);
    for (const r of s.regions) block(`  ${s.label}, ${r.region}`, r.tally);
  }
  lines.push(`Elected: ${d.elected.join(", ")}`);
  for (const note of d.notes) lines.push(`Note: ${note}`);
  return lines.join("\n") + "\n";
}

/**
 * The declaration as CSV, one row per body (total, section, region), stage and candidate:
 * `body,section,region,stage,candidate,votes,percent,valid,spoilt,eligible,turnout_percent`.
 */
export function renderDeclarationCsv(d: Declaration): string {
  const rows = ["body,section,region,stage,candidate,votes,percent,valid,spoilt,eligible,turnout_percent"];
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const add = (body: string, section: string, region: string, t: Tally) =>
    t.stages.forEach((s, i) =>
      d.candidates.forEach((c, k) =>
        rows.push(
          [
            body,
            section,
            region,
            String(i + 1),
            c,
            String(s.votes[k]),
            s.percent[k]!,
            String(t.valid),
            String(t.spoilt),
            t.eligible === null ? "" : String(t.eligible),
            t.turnoutPercent ?? "",
          ]
            .map(q)
            .join(","),
        ),
      ),
    );
  add("total", "", "", d.total);
  for (const s of d.sections) {
    add("section", s.id, "", s.tally);
    for (const r of s.regions) add("region", s.id, r.region, r.tally);
  }
  return rows.join("\n") + "\n";
}
