import type { CaseQueueRow } from "../../../storage/repos/queues.ts";
import type { PanelView } from "../../../../services/read-vetting-queue.ts";
import { html } from "../html.ts";
import { fingerprintFields, whoTable } from "./bulk-confirm.ts";
import { consoleErrors, consolePage, csrfField, problemSummary, type ConsoleView } from "./shell.ts";
import { decisionFields, type FieldErrors } from "./vetting-pages.ts";

// The panel's bulk decision: how many open cases and whose (with their panel and its quorum), then one
// sitting's decision for all of them. The selection and the queue's count and SHA-256 ride in the
// form, so cases decided or raised since the page was drawn make the decision decide nothing.

/** How many cases are listed by name before "and N more". */
const listed = 50;

/** The confirmation and decision form of a bulk vetting decision. */
export function vettingBulkPage(
  v: ConsoleView,
  o: {
    slug: string;
    /** The selection as the queue sent it: ticked case ids, or every open case matching the filter. */
    selection: {
      pick: "ticked" | "all";
      caseIds: readonly string[];
      search?: string | undefined;
      panelId?: string | undefined;
    };
    cases: readonly CaseQueueRow[];
    panel: PanelView | undefined;
    fingerprint: { count: number; digest: string };
    callerId: string;
    /** Problems with the selection itself (it changed, or spans panels). */
    problems?: readonly string[];
    form?: Readonly<Record<string, string | readonly string[] | undefined>>;
    errors?: FieldErrors;
  },
): string {
  const { t } = v;
  const base = `/console/elections/${o.slug}/vetting`;
  const e = o.errors ?? {};
  const s = o.selection;
  const more = o.cases.length - listed;
  const body = html`${problemSummary(t, o.problems)}
    ${consoleErrors(
      t,
      Object.entries(e).map(([field, message]) => ({ field, message })),
    )}
    <p>${t("vet.bulkIntro")}</p>
    ${
      o.cases.length === 0 || !o.panel
        ? html`<p>${t("vet.bulkNone")}</p>`
        : html`<p id="how-many">
              ${t("vet.bulkCount", { count: o.cases.length, panel: o.panel.name })}
              ${t("vet.quorum", { panel: o.panel.name, quorum: o.panel.quorum, members: o.panel.members.length })}
            </p>
            ${whoTable(t, {
              caption: t("vet.bulkWho"),
              head: ["vet.voter", "vet.section", "vet.summary"],
              rows: o.cases.slice(0, listed).map(
                (c) =>
                  html`<tr>
                    <td><a href="${base}/cases/${c.id}">${c.voterId}</a></td>
                    <td>${c.section}</td>
                    <td>${c.summary}</td>
                  </tr>`,
              ),
              more,
              moreText: t("vet.bulkMore", { count: more }),
            })}
            <form method="post" action="${base}/decide" novalidate>
              ${csrfField(v.session!.csrfToken)} ${fingerprintFields(o.fingerprint)}
              <input type="hidden" name="pick" value="${s.pick}" />
              ${
                s.pick === "ticked"
                  ? s.caseIds.map((id) => html`<input type="hidden" name="case" value="${id}" />`)
                  : html`${s.search ? html`<input type="hidden" name="q" value="${s.search}" />` : ""}
                    ${s.panelId ? html`<input type="hidden" name="panel" value="${s.panelId}" />` : ""}`
              }
              ${decisionFields(v, { panel: o.panel, callerId: o.callerId, form: o.form ?? {}, errors: e })}
              <button type="submit">${t("vet.bulkDecide", { count: o.cases.length })}</button>
            </form>`
    }
    <p><a href="${base}">${t("vet.back")}</a></p>`;
  return consolePage(v, t("vet.bulkTitle"), body);
}
