import type { TFunction } from "i18next";
import { html, type Html } from "../html.ts";
import { tableHead } from "./shell.ts";

// The pieces every bulk decision's confirmation shares (applications, vetting cases): who is in the
// queue, how many more, and the queue's count and SHA-256 riding in the form, so a queue that
// changed between the confirmation and the click decides nothing.

/** The table of who will be decided (the first rows), and how many more are not listed. */
export function whoTable(
  t: TFunction,
  o: { caption: string; head: readonly string[]; rows: readonly Html[]; more: number; moreText: string },
): Html {
  return html`<table id="who">
      <caption>
        ${o.caption}
      </caption>
      ${tableHead(t, o.head)}
      <tbody>
        ${o.rows}
      </tbody>
    </table>
    ${o.more > 0 ? html`<p>${o.moreText}</p>` : ""}`;
}

/** The confirmed queue's count and digest as hidden fields. */
export function fingerprintFields(fp: { readonly count: number; readonly digest: string }): Html {
  return html`<input type="hidden" name="count" value="${String(fp.count)}" />
    <input type="hidden" name="digest" value="${fp.digest}" />`;
}
