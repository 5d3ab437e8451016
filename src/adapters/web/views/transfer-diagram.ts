import type { TransferStage } from "../../../domain/declaration/index.ts";
import { html, type Html } from "./html.ts";

const exhaustedColour = "#6b7280";

/** A count sheet figure for people: thousands separated, trailing zeros after the point dropped. */
export function votesText(x: string): string {
  const [whole = "0", frac = ""] = x.replace(/^-/, "").split(".");
  const trimmed = frac.replace(/0+$/, "");
  const w = BigInt(whole).toLocaleString("en-GB");
  return `${x.startsWith("-") ? "-" : ""}${w}${trimmed ? `.${trimmed}` : ""}`;
}

/**
 * The transfers of a count, one figure per stage: a bar for the votes that moved, split into a
 * coloured segment per candidate who gained (and grey for no further preference), with a ribbon from
 * each segment down to that candidate's row. The `<title>` and `<desc>` give every figure, and a
 * table beside it repeats them exactly. Drawn in a 320-wide viewBox that scales to a phone.
 */
export function transferDiagrams(
  transfers: readonly TransferStage[],
  colourOf: (candidate: string) => string,
): Html {
  if (transfers.length === 0) return html``;
  return html`<h2>Transfers at each stage</h2>
    <p>Where the votes of each surplus or excluded candidate went.</p>
    ${transfers.map((t) => stageDiagram(t, colourOf))}`;
}

function stageDiagram(t: TransferStage, colourOf: (candidate: string) => string): Html {
  const what =
    t.action === "surplus" ? `surplus of ${t.from.join(", ")}` : `votes of ${t.from.join(", ")}, excluded`;
  const title = `Stage ${t.stage}: where the ${what} went`;
  const rows = [
    ...t.to.map((x) => ({ name: x.candidate, votes: x.votes, colour: colourOf(x.candidate) })),
    ...(Number(t.exhausted) > 0
      ? [{ name: "No further preference", votes: t.exhausted, colour: exhaustedColour }]
      : []),
  ];
  const desc = `${votesText(t.moved)} votes moved: ${rows.map((r) => `${r.name} ${votesText(r.votes)}`).join("; ")}${Number(t.lostToRounding) > 0 ? `; ${votesText(t.lostToRounding)} lost to rounding` : ""}.`;
  const total = Number(t.moved) || 1;
  const width = 316;
  const rowH = 34;
  const top = 22;
  const barH = 14;
  const h = top + barH + 30 + rows.length * rowH;
  let x = 2;
  const id = `transfer-${t.stage}`;
  return html`<figure>
      <svg viewBox="0 0 320 ${h}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" focusable="false">
        <title id="${id}-t">${title}</title>
        <desc id="${id}-d">${desc}</desc>
        <text x="2" y="14" font-size="12" fill="#0b0c0c">
          ${t.from.join(", ")}: ${votesText(t.moved)} moved
        </text>
        ${rows.map((r, i) => {
          const w = Math.max(1, (Number(r.votes) / total) * width);
          const x0 = x;
          x += w;
          const y = top + barH + 30 + i * rowH;
          // The ribbon runs from this segment of the top bar to the start of the row's own bar.
          return html`<rect
              x="${x0.toFixed(1)}"
              y="${top}"
              width="${w.toFixed(1)}"
              height="${barH}"
              fill="${r.colour}"
            ></rect>
            <path
              d="M${x0.toFixed(1)} ${top + barH} L${(x0 + w).toFixed(1)} ${top + barH} L${(2 + w).toFixed(1)} ${y + 4} L2 ${y + 4} Z"
              fill="${r.colour}"
              fill-opacity="0.25"
            ></path>
            <rect x="2" y="${y + 4}" width="${w.toFixed(1)}" height="10" fill="${r.colour}"></rect>
            <text x="2" y="${y + 28}" font-size="12" fill="#0b0c0c">${r.name} +${votesText(r.votes)}</text>`;
        })}
      </svg>
      <figcaption>${title}</figcaption>
    </figure>
    <table>
      <caption>
        ${title}
      </caption>
      <thead>
        <tr>
          <th scope="col">To</th>
          <th class="num" scope="col">Votes</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${r.name}</th>
              <td class="num">${votesText(r.votes)}</td>
            </tr>`,
        )}
        ${
          Number(t.lostToRounding) > 0
            ? html`<tr>
                <th scope="row">Lost to rounding</th>
                <td class="num">${votesText(t.lostToRounding)}</td>
              </tr>`
            : ""
        }
      </tbody>
    </table>`;
}
