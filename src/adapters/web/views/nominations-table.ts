import type { TFunction } from "i18next";
import type { Evaluation, NominationsTable } from "../../../domain/nominations/index.ts";
import type { NominationsOutcome } from "../../../services/close-nominations.ts";
import { html, type Html } from "./html.ts";

// The nominations table as the public page and the console both draw it, in the reader's language
// (text from the message files under `noms.`). Only what the rules publish: no account ids.

const n = (x: number): string => x.toLocaleString("en-GB");

/** When, in UTC, as the rest of the nominations room writes it. */
export const utc = (iso: string): string => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** Where nominations stand: closed, open until when, or not yet open. */
export function nominationsStatus(t: TFunction, table: NominationsTable): string {
  if (table.closedAt) return t("noms.status.closed", { at: utc(table.closedAt) });
  if (table.open) return t("noms.status.open", { at: utc(table.closesAt) });
  return t("noms.status.notYet", { opens: utc(table.opensAt), closes: utc(table.closesAt) });
}

/** A threshold's figures in plain words ("20% of MPs and MEPs (254 …): needs 51, has 50; 1 more needed"). */
export function explainThreshold(t: TFunction, e: Evaluation): string {
  switch (e.kind) {
    case "share": {
      const head = t("noms.explain.share", {
        percent: e.percent,
        body: e.bodyName,
        base: n(e.base),
        rounding: t(`noms.explain.${e.rounding}`),
        required: n(e.required),
        have: n(e.have),
      });
      return e.met ? t("noms.explain.met", { head }) : t("noms.explain.more", { head, more: n(e.shortBy) });
    }
    case "count": {
      const figures = { required: n(e.required), body: e.bodyName, have: n(e.have) };
      const head =
        e.unionsRequired > 0
          ? t("noms.explain.countUnions", {
              ...figures,
              unions: n(e.unionsRequired),
              unionsHave: n(e.unionsHave),
            })
          : t("noms.explain.count", figures);
      return e.met ? t("noms.explain.met", { head }) : t("noms.explain.more", { head, more: n(e.shortBy) });
    }
    case "all":
    case "any": {
      const parts = e.parts
        .map((p) => `[${explainThreshold(t, p)}]`)
        .join(t(`noms.explain.${e.kind === "all" ? "and" : "or"}`));
      const head = t(`noms.explain.${e.kind}`, { parts });
      return t(e.met ? "noms.explain.groupMet" : "noms.explain.groupNotMet", { head });
    }
  }
}

/** The table itself, then (after the close) the ballot paper and who qualified and why. */
export function nominationsTableHtml(
  t: TFunction,
  table: NominationsTable,
  outcome: NominationsOutcome | null,
): Html {
  const verdict = (o: NominationsTable["rows"][number]["outcome"]): string =>
    t(
      o.qualified
        ? o.basis === "by-right"
          ? "noms.verdict.byRight"
          : "noms.verdict.qualifies"
        : o.reason === "no-consent"
          ? "noms.verdict.noConsent"
          : "noms.verdict.short",
    );
  return html`<table>
      <caption>
        ${t("noms.table.caption")}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t("noms.table.candidate")}</th>
          ${table.bodies.map(
            (b) =>
              html`<th scope="col">${b.counts ? b.name : t("noms.table.supporting", { body: b.name })}</th>`,
          )}
          <th scope="col">${t("noms.table.threshold")}</th>
          <th scope="col">${t("noms.table.ifClosed")}</th>
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (r) =>
            html`<tr>
              <th scope="row">
                ${r.candidate.name}${r.candidate.description ? html`<br /><small>${r.candidate.description}</small>` : ""}
              </th>
              ${r.byBody.map((b) => html`<td>${String(b.nominations)}</td>`)}
              <td>
                ${
                  r.exempt
                    ? t("noms.table.exempt")
                    : r.evaluation
                      ? explainThreshold(t, r.evaluation)
                      : t("noms.table.oneNomination")
                }
              </td>
              <td>${verdict(r.outcome)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      outcome
        ? html`<h2>${t("noms.paper")}</h2>
            <ol>
              ${outcome.ballotPaper.entries.map(
                (e) => html`<li>${e.name}${e.description ? html` — ${e.description}` : ""}</li>`,
              )}
            </ol>
            <h2>${t("noms.why")}</h2>
            <ul>
              ${[...outcome.qualified, ...outcome.notQualified].map((q) => html`<li>${q.why}</li>`)}
            </ul>`
        : ""
    }`;
}
