import type { Declaration, Tally } from "../../../domain/declaration/index.ts";
import type { PublishedResult } from "../../../services/read-published-result.ts";
import { html, type Html } from "./html.ts";
import { page } from "./layout.ts";
import { transferDiagrams } from "./transfer-diagram.ts";

const n = (x: number) => x.toLocaleString("en-GB");
const palette = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#525252"];

/**
 * The public results page: the declaration (total, each section, regions after the privacy check),
 * a bar chart per stage drawn as inline SVG with a title and description for screen readers and the
 * same figures in a table beside it, the transfers at each stage (where a surplus or an excluded
 * candidate's votes went), turnout per section, downloads, and the receipt check form.
 * No script and no inline style: the charts use SVG presentation attributes only.
 */
export function resultsPage(r: PublishedResult): string {
  const d = r.declaration;
  const body = html` <p class="panel"><strong>Elected: ${d.elected.join(", ")}</strong></p>
    ${
      d.weighting === "college"
        ? html`<p class="notice">
            The sections were weighted as an electoral college: each candidate's share is the weighted sum of
            their shares in each section, at every stage.
          </p>`
        : ""
    }
    <h2>Result</h2>
    ${tallyBlock(d, d.total, "total", "All sections")} ${d.weightedShares ? weightedTable(d) : ""}
    ${transferDiagrams(r.transfers, (c) => palette[d.candidates.indexOf(c) % palette.length]!)}
    <h2>Turnout by section</h2>
    <table>
      <caption>
        Ballots cast (valid and spoilt) of eligible voters, and turnout, in each section
      </caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th class="num" scope="col">Cast of eligible</th>
          <th class="num" scope="col">Turnout</th>
        </tr>
      </thead>
      <tbody>
        ${[...d.sections.map((s) => ({ label: s.label, t: s.tally })), { label: "Total", t: d.total }].map(
          ({ label, t }) =>
            html`<tr>
              <th scope="row">${label}</th>
              <td class="num">${n(t.valid + t.spoilt)} of ${n(t.eligible ?? 0)}</td>
              <td class="num">${t.turnoutPercent ?? ""}%</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${d.sections.map(
      (s, i) =>
        html`<h2>${s.label}</h2>
          ${tallyBlock(d, s.tally, `s${i}`, s.label)}
          ${s.regions.map(
            (reg, j) =>
              html`<h3>${s.label}: ${reg.region}</h3>
                ${tallyBlock(d, reg.tally, `s${i}r${j}`, `${s.label}, ${reg.region}`)}`,
          )}`,
    )}
    ${
      d.notes.length > 0
        ? html`<h2>Notes</h2>
            <ul>
              ${d.notes.map((x) => html`<li>${x}</li>`)}
            </ul>`
        : ""
    }
    <h2 id="receipt">Check your receipt</h2>
    ${
      r.receipt
        ? html`<p class="notice" role="status">
            ${
              r.receipt.found
                ? html`Receipt <span class="receipt">${r.receipt.code}</span> is in the published list: your
                    vote was counted.`
                : html`Receipt <span class="receipt">${r.receipt.code}</span> is not in the published list.
                    Check the code; if it is right, tell the returning officer.`
            }
          </p>`
        : ""
    }
    <form method="get" action="/results/${r.slug}#receipt">
      <div class="field">
        <label for="code">Receipt code</label>
        <p class="hint" id="code-hint">The code shown when you voted, like ABCD-EFGH-JKMN-PQRS.</p>
        <input
          id="code"
          name="code"
          type="text"
          autocomplete="off"
          aria-describedby="code-hint"
          value="${r.receipt?.code ?? ""}"
        />
      </div>
      <button type="submit">Check receipt</button>
    </form>
    <h2>Downloads and recount</h2>
    <ul>
      <li><a href="/results/${r.slug}/declaration.csv">Declaration (CSV)</a></li>
      <li><a href="/results/${r.slug}/declaration.pdf">Declaration (PDF, to print)</a></li>
      <li><a href="/results/${r.slug}/declaration.json">Declaration (JSON)</a></li>
      <li>
        <a href="/results/${r.slug}/archive.json">Results archive</a> (ballots, receipts, count sheet, public
        record)
      </li>
    </ul>
    <p>
      The archive's SHA-256 is <span class="receipt">${r.archiveSha256}</span>. Recount it yourself with
      <code class="receipt">npx selectorate recount archive.json --sha256 ${r.archiveSha256}</code>, or count
      its BLT files with any other counting program.
    </p>
    <p>
      Published ${r.publishedAt.toISOString().replace("T", " ").slice(0, 16)} UTC under ${d.rules} (version
      ${d.rulesVersion}).
    </p>`;
  return page({ title: `Result: ${d.title}`, context: d.title, body });
}

/** One tally stage by stage, a chart and its table each (also the console's draft declaration). */
export function tallyBlock(d: Declaration, t: Tally, id: string, label: string): Html {
  return html`${t.stages.map((s, i) => {
      const stage = t.stages.length > 1 ? ` – stage ${i + 1}` : "";
      const shown = d.candidates
        .map((c, k) => ({ c, k }))
        .filter(({ k }) => i === 0 || s.votes[k]! > 0 || !excludedBy(d, i, k));
      const desc = shown.map(({ c, k }) => `${c} ${n(s.votes[k]!)} votes (${s.percent[k]}%)`).join("; ");
      return html`<figure>
          ${barChart(
            `${id}-${i}`,
            `${label}${stage}`,
            desc,
            shown.map(({ c, k }) => ({
              name: c,
              votes: s.votes[k]!,
              percent: s.percent[k]!,
              colour: palette[k % palette.length]!,
            })),
          )}
          <figcaption>
            ${label}${stage}${i > 0 && d.stages[i]?.excluded.length ? `, after excluding ${d.stages[i]!.excluded.join(", ")}` : ""}
          </figcaption>
        </figure>
        <table>
          <caption>
            ${label}${stage}: votes per candidate
          </caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th class="num" scope="col">Votes</th>
              <th class="num" scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              ({ c, k }) =>
                html`<tr>
                  <th scope="row">${c}</th>
                  <td class="num">${n(s.votes[k]!)}</td>
                  <td class="num">${s.percent[k]}%</td>
                </tr>`,
            )}
            ${
              s.exhausted > 0
                ? html`<tr>
                    <th scope="row">No further preference</th>
                    <td class="num">${n(s.exhausted)}</td>
                    <td></td>
                  </tr>`
                : ""
            }
          </tbody>
        </table>`;
    })}
    <p>
      Valid ballots ${n(t.valid)}, spoilt
      ${n(t.spoilt)}${t.eligible !== null ? html`, eligible ${n(t.eligible)}, turnout ${t.turnoutPercent}%` : ""}.
    </p>`;
}

function excludedBy(d: Declaration, stage: number, k: number): boolean {
  return d.stages.slice(0, stage + 1).some((s) => s.excluded.includes(d.candidates[k]!));
}

/** Horizontal bars in a 320-wide viewBox that scales to the screen; text alternative in title and desc. */
function barChart(
  id: string,
  title: string,
  desc: string,
  bars: { name: string; votes: number; percent: string; colour: string }[],
): Html {
  const row = 40;
  const h = bars.length * row + 8;
  return html`<svg
    viewBox="0 0 320 ${h}"
    width="100%"
    role="img"
    aria-labelledby="${id}-t ${id}-d"
    focusable="false"
  >
    <title id="${id}-t">${title}</title>
    <desc id="${id}-d">${desc}</desc>
    ${bars.map((b, i) => {
      const w = Math.max(1, Math.round((Number(b.percent) / 100) * 316));
      return html`<text x="2" y="${i * row + 14}" font-size="12" fill="#0b0c0c"
          >${b.name} – ${n(b.votes)} (${b.percent}%)</text
        >
        <rect x="2" y="${i * row + 19}" width="${w}" height="14" fill="${b.colour}"></rect>`;
    })}
  </svg>`;
}

function weightedTable(d: Declaration): Html {
  return html`<table>
    <caption>
      Weighted shares of the electoral college at each stage
    </caption>
    <thead>
      <tr>
        <th scope="col">Candidate</th>
        ${d.weightedShares!.map((_, i) => html`<th class="num" scope="col">Stage ${i + 1}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${d.candidates.map(
        (c, k) =>
          html`<tr>
            <th scope="row">${c}</th>
            ${d.weightedShares!.map((s) => html`<td class="num">${s[k]}%</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The page shown when the result is not (yet) published. */
export function resultsNotPublishedPage(slug: string): string {
  return page({
    title: "Result not published yet",
    body: html`<p>
      The result of ${slug} has not been published yet. Please come back after the declaration.
    </p>`,
  });
}
