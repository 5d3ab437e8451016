import type { NominationsTable } from "../../domain/nominations/index.ts";
import { explainEvaluation } from "../../messages/en/nomination-reasons.ts";

/** The public nominations table as plain text for the terminal: one block per candidate. */
export function nominationsTableText(t: NominationsTable): string {
  const lines: string[] = [];
  const state = t.closedAt
    ? `closed at ${t.closedAt}`
    : t.open
      ? `open until ${t.closesAt}`
      : `not open (${t.opensAt} to ${t.closesAt})`;
  lines.push(`Nominations: ${state}`);
  for (const row of t.rows) {
    lines.push("");
    const tags = [
      row.candidate.incumbent ? "incumbent" : "",
      row.consented ? "consented" : "not yet consented",
    ].filter(Boolean);
    lines.push(
      `${row.candidate.name}${row.candidate.description ? ` — ${row.candidate.description}` : ""} (${tags.join(", ")})`,
    );
    for (const b of row.byBody)
      lines.push(`  ${b.bodyName}: ${b.nominations}${b.unions > 0 ? ` (${b.unions} unions)` : ""}`);
    if (row.evaluation) lines.push(`  Threshold: ${explainEvaluation(row.evaluation)}`);
    const o = row.outcome;
    const verdict = o.qualified
      ? o.basis === "by-right"
        ? "on the ballot by right"
        : "qualifies"
      : o.reason === "no-consent"
        ? "not on the ballot until they consent"
        : "does not qualify yet";
    lines.push(`  If nominations closed now: ${verdict}`);
  }
  return lines.join("\n");
}
