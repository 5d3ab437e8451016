import type { KindDelivery, MailHistoryRow } from "../../../storage/repos/outbox.ts";
import type { MailText } from "../../../../messages/en/application-mail.ts";
import { mailTemplates } from "../../../../services/mail-templates.ts";
import { html } from "../html.ts";
import { consolePage, tableHead, type ConsoleView } from "./shell.ts";

// The mail pages: every message with its preview and delivery per kind, one preview, one kind's
// messages one by one. Mail text is English (the voters' mail is); the pages around it are not.

const at = (d: Date | null): string => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "");

/** The overview: the messages an election sends, and how delivery stands per kind. */
export function mailOverviewPage(
  v: ConsoleView,
  o: { slug: string; title: string; delivery: readonly KindDelivery[] },
): string {
  const { t } = v;
  const base = `/console/elections/${o.slug}/mail`;
  const label = (kind: string) => t(`mail.kinds.${kind}`, { defaultValue: kind });
  const body = html`<p>${t("mail.intro")}</p>
    <h2>${t("mail.templates")}</h2>
    <table>
      ${tableHead(t, ["mail.kind", "mail.when", "mail.preview"])}
      <tbody>
        ${mailTemplates.map(
          (m) =>
            html`<tr>
              <td>${label(m.key)}</td>
              <td>${t(`mail.whens.${m.key}`)}</td>
              <td>
                <a href="${base}/preview/${m.key}" aria-label="${t("mail.preview")}: ${label(m.key)}"
                  >${t("mail.preview")}</a
                >
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>${t("mail.delivery")}</h2>
    <table id="delivery">
      ${tableHead(t, ["mail.kind", "mail.queued#", "mail.retrying#", "mail.sent#", "mail.failed#"])}
      <tbody>
        ${o.delivery.map(
          (d) =>
            html`<tr>
              <th scope="row">
                ${
                  d.kind === "reminder"
                    ? label(d.kind)
                    : html`<a href="${base}/history/${d.kind}">${label(d.kind)}</a>`
                }
              </th>
              <td class="num">${d.queued}</td>
              <td class="num">${d.retrying}</td>
              <td class="num">${d.sent}</td>
              <td class="num">${d.failed}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="hint">${t("mail.reminderPrivate")}</p>
    <p><a href="/console/elections/${o.slug}">${t("election.readiness")}</a></p>`;
  return consolePage(v, `${t("mail.title")}: ${o.title}`, body);
}

/** One message drawn for the sample voter. */
export function mailPreviewPage(v: ConsoleView, o: { slug: string; key: string; mail: MailText }): string {
  const { t } = v;
  const body = html`<p class="notice">${t("mail.sample")}</p>
    <dl>
      <dt>${t("mail.subject")}</dt>
      <dd id="mail-subject">${o.mail.subject}</dd>
      <dt>${t("mail.body")}</dt>
      <dd><pre id="mail-text" tabindex="0">${o.mail.text}</pre></dd>
    </dl>
    <p><a href="/console/elections/${o.slug}/mail">${t("mail.back")}</a></p>`;
  return consolePage(v, `${t("mail.preview")}: ${t(`mail.kinds.${o.key}`)}`, body);
}

/** One kind's messages, newest first: to whom, about what, and how delivery went (no bodies). */
export function mailHistoryPage(
  v: ConsoleView,
  o: { slug: string; kind: string; rows: readonly MailHistoryRow[]; page: number; more: boolean },
): string {
  const { t } = v;
  const base = `/console/elections/${o.slug}/mail`;
  const status = (r: MailHistoryRow) =>
    r.status === "sent"
      ? t("mail.sent")
      : r.status === "failed"
        ? t("mail.failed")
        : r.error
          ? t("mail.retrying")
          : t("mail.queued");
  const body = html`${
      o.rows.length === 0
        ? html`<p>${t("mail.noHistory")}</p>`
        : html`<table id="history">
            ${tableHead(t, ["mail.to", "mail.about", "mail.status", "mail.attempts#", "mail.queuedAt", "mail.sentAt", "mail.error"])}
            <tbody>
              ${o.rows.map(
                (r) =>
                  html`<tr>
                    <td>${r.to}</td>
                    <td>${r.subjectRef ?? ""}</td>
                    <td>${status(r)}</td>
                    <td class="num">${r.attempts}</td>
                    <td>${at(r.createdAt)}</td>
                    <td>${at(r.sentAt)}</td>
                    <td>${r.error ?? ""}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${o.more ? html`<p><a href="${base}/history/${o.kind}?page=${o.page + 1}">${t("mail.previous")}</a></p>` : ""}
    <p><a href="${base}">${t("mail.back")}</a></p>`;
  return consolePage(v, `${t("mail.history")}: ${t(`mail.kinds.${o.kind}`, { defaultValue: o.kind })}`, body);
}
