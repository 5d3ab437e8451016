import type { Blocker, ReadinessFacts } from "../../../../domain/readiness/index.ts";
import { html, type Html } from "../html.ts";
import { checklist } from "./readiness.ts";
import {
  checkbox,
  consoleErrors,
  consolePage,
  csrfField,
  problemSummary,
  type ConsoleView,
} from "./shell.ts";
import { notice, textInput } from "./form-fields.ts";

// The returning officer's credentials page: the readiness check and the issue, then reissue and
// revoke, each a plain form with its errors beside the fields.

/** Errors of the reissue and revoke forms, by field. */
export type CredentialFormErrors = Partial<Record<"voter" | "reason" | "rvoter" | "rreason", string>>;

/** What the page shows. */
export interface CredentialsPageModel {
  readonly slug: string;
  readonly title: string;
  readonly facts: ReadinessFacts;
  readonly blockers: readonly Blocker[];
  /** The electorate that would be issued to, when nothing blocks the issue. */
  readonly electorate?: {
    readonly total: number;
    readonly bySection: Readonly<Record<string, number>>;
    readonly excluded: number;
    readonly placedEarlier: number;
    readonly held: number;
    readonly withoutEmail: number;
  };
  /** A sentence (or block) at the top after an action. */
  readonly outcome?: Html;
  readonly problems?: readonly string[];
  readonly form?: Readonly<Record<string, string | undefined>>;
  readonly errors?: CredentialFormErrors;
}

const sections = (by: Readonly<Record<string, number>>): string =>
  Object.entries(by)
    .map(([s, n]) => `${s} ${n}`)
    .join(", ");

/** The credentials page. */
export function credentialsPage(v: ConsoleView, m: CredentialsPageModel): string {
  const { t } = v;
  const base = `/console/elections/${m.slug}/credentials`;
  const csrf = csrfField(v.session!.csrfToken);
  const errors = m.errors ?? {};
  const form = m.form ?? {};
  const e = m.electorate;
  const issueBlock =
    m.facts.credentialsIssued > 0
      ? html`<p>${t("creds.issuedAlready", { count: m.facts.credentialsIssued })}</p>`
      : m.blockers.length > 0 || !e
        ? html``
        : html`<p id="electorate">
              ${t("creds.electorate", {
                total: e.total,
                sections: sections(e.bySection),
                excluded: e.excluded,
                earlier: e.placedEarlier,
                held: e.held,
              })}
            </p>
            ${e.withoutEmail > 0 ? "" : mailOnlyForm(v, base, e.total)} ${printForm(v, base, e)}`;
  const issued = m.facts.credentialsIssued > 0;
  const body = html`${m.outcome ?? ""} ${problemSummary(t, m.problems)}
    <h2>${t("creds.beforeIssue")}</h2>
    ${issued ? "" : checklist(t, m.blockers, m.facts)} ${issueBlock}
    ${
      issued
        ? html`${consoleErrors(
              t,
              Object.entries(errors).map(([field, message]) => ({ field, message: message ?? "" })),
            )}
            <h2>${t("creds.reissue")}</h2>
            <p>${t("creds.reissueIntro")}</p>
            <form method="post" action="${base}/reissue" novalidate>
              ${csrf}
              ${textInput({ name: "voter", label: t("creds.voter"), hint: t("creds.voterHint"), value: form["voter"], error: errors.voter })}
              ${textInput({ name: "reason", label: t("creds.reason"), value: form["reason"], error: errors.reason })}
              ${checkbox({ name: "mail", label: t("creds.mailIt"), checked: form["mail"] !== "0" })}
              <button type="submit">${t("creds.reissueSubmit")}</button>
            </form>
            <h2>${t("creds.revoke")}</h2>
            <p>${t("creds.revokeIntro")}</p>
            <form method="post" action="${base}/revoke" novalidate>
              ${csrf}
              ${textInput({ name: "rvoter", label: t("creds.voter"), value: form["rvoter"], error: errors.rvoter })}
              ${textInput({ name: "rreason", label: t("creds.reason"), value: form["rreason"], error: errors.rreason })}
              <button type="submit">${t("creds.revokeSubmit")}</button>
            </form>`
        : ""
    }
    <p>
      <a href="/console/elections/${m.slug}/mail">${t("mail.link")}</a> ·
      <a href="/console/elections/${m.slug}">${t("election.readiness")}</a>
    </p>`;
  return consolePage(v, `${t("creds.title")}: ${m.title}`, body);
}

/** The issue that only mails, when every voter has an email address. */
function mailOnlyForm(v: ConsoleView, base: string, total: number): Html {
  return html`<p>${v.t("creds.issueIntro")}</p>
    <form method="post" action="${base}/issue">
      ${csrfField(v.session!.csrfToken)}
      <input type="hidden" name="expected" value="${String(total)}" />
      <button type="submit">${v.t("creds.issueConfirm", { total })}</button>
    </form>`;
}

/**
 * The issue with a print pack downloaded in answer: the only way when some voters have no email
 * address (with a choice to print everyone), else the postal channel for everyone.
 */
function printForm(v: ConsoleView, base: string, e: { total: number; withoutEmail: number }): Html {
  const { t } = v;
  const some = e.withoutEmail > 0;
  return html`<h3>${t("creds.printTitle")}</h3>
    <p>${some ? t("creds.printIntro", { count: e.withoutEmail }) : t("creds.printEveryoneIntro")}</p>
    <p>${t("creds.printSecret")}</p>
    <form method="post" action="${base}/print">
      ${csrfField(v.session!.csrfToken)}
      <input type="hidden" name="expected" value="${String(e.total)}" />
      ${
        some
          ? checkbox({ name: "everyone", label: t("creds.printAll"), checked: false })
          : html`<input type="hidden" name="everyone" value="1" />`
      }
      <button type="submit">${t("creds.printConfirm", { total: e.total })}</button>
    </form>`;
}

/** The outcome sentence at the top of the page, spoken by screen readers. */
export function outcome(text: string, more?: string): Html {
  return html`${notice(text)}${more ? html`<p>${more}</p>` : ""}`;
}
