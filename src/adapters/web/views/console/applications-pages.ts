import type { StoredApplication } from "../../../storage/repos/applications.ts";
import type { ApplicationHistoryEntry, ApplicationQueueRow } from "../../../storage/repos/queues.ts";
import { html, type Html } from "../html.ts";
import { consolePage, csrfField, problemSummary, tableHead, textArea, type ConsoleView } from "./shell.ts";
import { notice, selectField, textInput } from "./form-fields.ts";
import { fingerprintFields, whoTable } from "./bulk-confirm.ts";

// The applications queue and one application's page, as staff see them.

const day = (d: Date): string => d.toISOString().slice(0, 16).replace("T", " ");

/** The queue: filters, one page of applications, and the bulk decision form for officers. */
export function applicationQueuePage(
  v: ConsoleView,
  o: {
    slug: string;
    filter: { state?: string | undefined; reason?: string | undefined; search?: string | undefined };
    rows: readonly ApplicationQueueRow[];
    total: number;
    page: number;
    pageSize: number;
    reasons: readonly string[];
    mayDecide: boolean;
    /** Links to the set-up pages the caller may use. */
    setup?: { settings: boolean; register: boolean };
    done?: string | undefined;
  },
): string {
  const { t } = v;
  const base = `/console/elections/${o.slug}/applications`;
  const query = (page: number) =>
    `${base}?${new URLSearchParams({
      ...(o.filter.state ? { state: o.filter.state } : {}),
      ...(o.filter.reason ? { reason: o.filter.reason } : {}),
      ...(o.filter.search ? { q: o.filter.search } : {}),
      page: String(page),
    }).toString()}`;
  const body = html`${notice(o.done)}
    <p>${t("apps.intro")}</p>
    ${
      o.setup?.settings || o.setup?.register
        ? html`<p class="actions">
            ${o.setup.settings ? html`<a href="${base}/settings">${t("appSettings.link")}</a>` : ""}
            ${o.setup.register ? html`<a href="${base}/register">${t("register.link")}</a>` : ""}
          </p>`
        : ""
    }
    <form method="get" action="${base}" class="filters">
      ${selectField({
        name: "state",
        label: t("apps.state"),
        value: o.filter.state,
        options: [
          { value: "", label: t("apps.any") },
          ...(["pending", "accepted", "rejected"] as const).map((s) => ({
            value: s,
            label: t(`apps.states.${s}`),
          })),
        ],
      })}
      ${selectField({
        name: "reason",
        label: t("apps.reason"),
        value: o.filter.reason,
        options: [{ value: "", label: t("apps.any") }, ...o.reasons.map((r) => ({ value: r, label: r }))],
      })}
      ${textInput({ name: "q", label: t("apps.search"), value: o.filter.search, type: "search" })}
      <button type="submit">${t("apps.filter")}</button>
    </form>
    ${
      o.rows.length === 0
        ? html`<p>${t("apps.none")}</p>`
        : html`<p>${t("apps.count", { shown: o.rows.length, total: o.total, page: o.page })}</p>
            <table>
              ${tableHead(t, ["apps.name", "apps.state", "apps.reason"])}
              <tbody>
                ${o.rows.map(
                  (r) =>
                    html`<tr>
                      <td>
                        <a href="${base}/${r.id}">${r.name}</a><br /><span class="hint">${r.email}</span>
                      </td>
                      <td>${t(`apps.states.${r.state}`)}</td>
                      <td>${r.reasonCode ?? ""}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
    }
    <p class="actions">
      ${o.page > 1 ? html`<a href="${query(o.page - 1)}">${t("apps.previous")}</a>` : ""}
      ${o.page * o.pageSize < o.total ? html`<a href="${query(o.page + 1)}">${t("apps.next")}</a>` : ""}
    </p>
    ${
      o.mayDecide
        ? html`<h2>${t("apps.decideTitle")}</h2>
            <p>${t("apps.decideIntro")}</p>
            <p><a class="button" href="${base}/decide">${t("apps.decide")}</a></p>`
        : ""
    }`;
  return consolePage(v, t("apps.title"), body);
}

/** One application: details, fee, history, and the paper-appeal form when it was rejected. */
export function applicationPage(
  v: ConsoleView,
  o: {
    slug: string;
    application: StoredApplication;
    payment: string;
    history: readonly ApplicationHistoryEntry[];
    mayLodge: boolean;
    grounds?: string;
    error?: string | undefined;
    done?: string | undefined;
  },
): string {
  const { t } = v;
  const a = o.application;
  const base = `/console/elections/${o.slug}/applications`;
  const row = (label: string, value: Html | string) =>
    html`<tr>
      <th scope="row">${label}</th>
      <td>${value}</td>
    </tr>`;
  const body = html`${notice(o.done)}
    <h2>${t("apps.details")}</h2>
    <table>
      <tbody>
        ${row(t("apps.email"), a.applicant.email)} ${row(t("apps.section"), a.sectionId)}
        ${row(t("apps.received"), day(a.receivedAt))} ${row(t("apps.state"), t(`apps.states.${a.state}`))}
        ${row(t("apps.reason"), a.reasonCode ?? "")}
        ${row(t("apps.payment"), t(`apps.payments.${o.payment}`))}
        ${a.duplicateOf ? row(t("apps.duplicateOf"), html`<a href="${base}/${a.duplicateOf}">${a.duplicateOf}</a>`) : ""}
      </tbody>
    </table>
    <h2>${t("apps.history")}</h2>
    ${
      o.history.length === 0
        ? html`<p>${t("apps.noHistory")}</p>`
        : html`<ol class="history">
            ${o.history.map(
              (h) =>
                html`<li>
                  <strong
                    >${h.what === "decided" ? t("apps.decidedEntry", { outcome: h.outcome }) : t("apps.appealEntry")}</strong
                  >
                  (${day(h.at)},
                  ${t("apps.by", { who: h.by })})${h.reasonCode ? html` <code>${h.reasonCode}</code>` : ""}:
                  ${h.text}
                </li>`,
            )}
          </ol>`
    }
    ${
      o.mayLodge
        ? html`<h2>${t("apps.paperAppeal")}</h2>
            <form method="post" action="${base}/${a.id}/appeal" novalidate>
              ${csrfField(v.session!.csrfToken)}
              ${textArea({ name: "grounds", label: t("apps.grounds"), value: o.grounds ?? "", error: o.error, rows: 4 })}
              <button type="submit">${t("apps.lodge")}</button>
            </form>`
        : ""
    }
    <p><a href="${base}">${t("apps.back")}</a></p>`;
  return consolePage(v, `${t("apps.application")}: ${a.applicant.forenames} ${a.applicant.surname}`, body);
}

/**
 * The confirmation before the bulk decision: how many pending applications will be checked and who
 * (the first page of names), and the button that decides exactly that queue (its count and digest
 * ride in the form, so a queue that changed since decides nothing).
 */
export function decideConfirmPage(
  v: ConsoleView,
  o: {
    slug: string;
    rows: readonly ApplicationQueueRow[];
    pending: { count: number; digest: string };
    problems?: readonly string[];
  },
): string {
  const { t } = v;
  const base = `/console/elections/${o.slug}/applications`;
  const more = o.pending.count - o.rows.length;
  const body = html`${problemSummary(t, o.problems)}
    <p>${t("apps.decideIntro")}</p>
    ${
      o.pending.count === 0
        ? html`<p>${t("apps.nonePending")}</p>`
        : html`<p id="how-many">${t("apps.confirmCount", { count: o.pending.count })}</p>
            ${whoTable(t, {
              caption: t("apps.confirmWho"),
              head: ["apps.name", "apps.email"],
              rows: o.rows.map(
                (r) =>
                  html`<tr>
                    <td><a href="${base}/${r.id}">${r.name}</a></td>
                    <td>${r.email}</td>
                  </tr>`,
              ),
              more,
              moreText: t("apps.confirmMore", { count: more }),
            })}
            <form method="post" action="${base}/decide">
              ${csrfField(v.session!.csrfToken)} ${fingerprintFields(o.pending)}
              <button type="submit">${t("apps.confirmDecide", { count: o.pending.count })}</button>
            </form>`
    }
    <p><a href="${base}">${t("apps.back")}</a></p>`;
  return consolePage(v, t("apps.decideTitle"), body);
}
