import type { NominationsTable } from "../../../domain/nominations/index.ts";
import { explainEvaluation } from "../../../messages/en/nomination-reasons.ts";
import type { NominationsOutcome } from "../../../services/close-nominations.ts";
import { html } from "./html.ts";
import { page } from "./layout.ts";

const when = (iso: string): string => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** The public nominations page: one table row per candidate, a column per body, then the threshold. */
export function nominationsPage(t: NominationsTable, outcome: NominationsOutcome | null): string {
  const status = t.closedAt
    ? `Nominations closed at ${when(t.closedAt)}.`
    : t.open
      ? `Nominations are open until ${when(t.closesAt)}.`
      : `Nominations open at ${when(t.opensAt)} and close at ${when(t.closesAt)}.`;
  const verdict = (o: NominationsTable["rows"][number]["outcome"]): string =>
    o.qualified
      ? o.basis === "by-right"
        ? "On the ballot by right"
        : "Qualifies"
      : o.reason === "no-consent"
        ? "Has not yet consented"
        : "Does not yet qualify";
  const body = html`<p>${status}</p>
    <table>
      <caption>
        Nominations by nominating body, against the threshold
      </caption>
      <thead>
        <tr>
          <th scope="col">Candidate</th>
          ${t.bodies.map((b) => html`<th scope="col">${b.name}${b.counts ? "" : " (supporting)"}</th>`)}
          <th scope="col">Threshold</th>
          <th scope="col">If closed now</th>
        </tr>
      </thead>
      <tbody>
        ${t.rows.map(
          (r) =>
            html`<tr>
              <th scope="row">
                ${r.candidate.name}${r.candidate.description ? html`<br /><small>${r.candidate.description}</small>` : ""}
              </th>
              ${r.byBody.map((b) => html`<td>${String(b.nominations)}</td>`)}
              <td>
                ${r.exempt ? "Exempt (incumbent)" : r.evaluation ? explainEvaluation(r.evaluation) : "One nomination"}
              </td>
              <td>${verdict(r.outcome)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      outcome
        ? html`<h2>Ballot paper</h2>
            <ol>
              ${outcome.ballotPaper.entries.map((e) => html`<li>${e.name}${e.description ? html` — ${e.description}` : ""}</li>`)}
            </ol>
            <h2>Who qualified, and why</h2>
            <ul>
              ${[...outcome.qualified, ...outcome.notQualified].map((q) => html`<li>${q.why}</li>`)}
            </ul>`
        : ""
    }`;
  return page({ title: "Nominations", body });
}

/** The page shown when there is no table to show (unknown election, or nominations not set up). */
export function nominationsUnavailablePage(sentences: readonly string[]): string {
  return page({ title: "Nominations", body: html`${sentences.map((s) => html`<p>${s}</p>`)}` });
}
