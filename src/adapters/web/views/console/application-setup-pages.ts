import type { ApplicationSettings } from "../../../storage/repos/applications.ts";
import { html } from "../html.ts";
import { notice, selectField, textInput } from "./form-fields.ts";
import { consoleErrors, consolePage, csrfField, tableHead, textArea, type ConsoleView } from "./shell.ts";
import type { FieldErrors } from "./vetting-pages.ts";

// The officers' pages that prepare applications: each section's settings, and the electoral-register
// extract the applications are checked against.

const minute = (d: Date): string => d.toISOString().slice(0, 16);
const summaryOf = (e: FieldErrors) => Object.entries(e).map(([field, message]) => ({ field, message }));

/** A section's settings as the form shows them (typed text, or the saved settings). */
export type SettingsForm = Readonly<Record<string, string | undefined>>;

/** The saved settings of a section as the form's text. */
export function settingsFormOf(s: ApplicationSettings): SettingsForm {
  return {
    section: s.sectionId,
    kind: s.kind,
    opensAt: minute(s.opensAt),
    closesAt: minute(s.closesAt),
    fee: (s.feePence / 100).toFixed(2),
    paymentDeadline: minute(s.paymentDeadline),
    unionDeadline: minute(s.unionDeadline),
    pollingDay: String(s.pollingDay),
    appealWindowDays: String(s.appealWindowDays),
    version: s.declaration.version,
    aimsAndValues: s.declaration.aimsAndValues,
    codeOfConduct: s.declaration.codeOfConduct,
  };
}

/** The settings page: the sections set up, and the form that sets one (or changes it). */
export function applicationSettingsPage(
  v: ConsoleView,
  o: {
    slug: string;
    /** Sections the election's definition opens to applications (empty: the section is typed). */
    sections: readonly string[];
    settings: readonly ApplicationSettings[];
    form: SettingsForm;
    errors?: FieldErrors;
    done?: string | undefined;
  },
): string {
  const { t } = v;
  const e = o.errors ?? {};
  const f = o.form;
  const field = (name: string, hint?: string) =>
    textInput({
      name,
      label: t(`appSettings.${name}`),
      value: f[name],
      error: e[name],
      ...(hint ? { hint } : {}),
    });
  const instant = (name: string) => field(name, t("poll.instantHint"));
  const body = html`${notice(o.done)} ${consoleErrors(t, summaryOf(e))}
    <p>${t("appSettings.intro")}</p>
    <h2>${t("appSettings.current")}</h2>
    ${
      o.settings.length === 0
        ? html`<p>${t("appSettings.none")}</p>`
        : html`<table id="sections">
            ${tableHead(t, ["appSettings.section", "appSettings.window", "appSettings.fee", "appSettings.paymentDeadline"])}
            <tbody>
              ${o.settings.map(
                (s) =>
                  html`<tr>
                    <td>
                      <a href="?section=${s.sectionId}">${s.sectionId}</a>
                      (${t(`appSettings.kinds.${s.kind}`)})
                    </td>
                    <td>${minute(s.opensAt)} – ${minute(s.closesAt)}</td>
                    <td>${(s.feePence / 100).toFixed(2)}</td>
                    <td>${minute(s.paymentDeadline)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <h2>${t("appSettings.edit")}</h2>
    <form method="post" action="/console/elections/${o.slug}/applications/settings" novalidate>
      ${csrfField(v.session!.csrfToken)}
      ${
        o.sections.length > 0
          ? selectField({
              name: "section",
              label: t("appSettings.section"),
              value: f["section"],
              error: e["section"],
              options: o.sections.map((s) => ({ value: s, label: s })),
            })
          : field("section")
      }
      ${selectField({
        name: "kind",
        label: t("appSettings.kind"),
        value: f["kind"],
        error: e["kind"],
        options: (["registered", "affiliated"] as const).map((k) => ({
          value: k,
          label: t(`appSettings.kinds.${k}`),
        })),
      })}
      ${instant("opensAt")} ${instant("closesAt")} ${field("fee", t("appSettings.feeHint"))}
      ${instant("paymentDeadline")} ${instant("unionDeadline")}
      ${field("pollingDay", t("appSettings.pollingDayHint"))} ${field("appealWindowDays")} ${field("version")}
      ${textArea({ name: "aimsAndValues", label: t("appSettings.aimsAndValues"), value: f["aimsAndValues"] ?? "", error: e["aimsAndValues"], rows: 3 })}
      ${textArea({ name: "codeOfConduct", label: t("appSettings.codeOfConduct"), value: f["codeOfConduct"] ?? "", error: e["codeOfConduct"], rows: 3 })}
      <button type="submit">${t("appSettings.save")}</button>
    </form>
    <p><a href="/console/elections/${o.slug}/applications">${t("apps.back")}</a></p>`;
  return consolePage(v, t("appSettings.title"), body);
}

/** The register extract page: the CSV pasted, every bad line beside the field, or what was imported. */
export function registerExtractPage(
  v: ConsoleView,
  o: { slug: string; csv?: string; error?: string | undefined; done?: string | undefined },
): string {
  const { t } = v;
  const body = html`${notice(o.done)} ${consoleErrors(t, o.error ? [{ field: "csv", message: o.error }] : [])}
    <p>${t("register.intro")}</p>
    <form method="post" action="/console/elections/${o.slug}/applications/register" novalidate>
      ${csrfField(v.session!.csrfToken)}
      ${textArea({ name: "csv", label: t("register.csv"), value: o.csv ?? "", error: o.error, rows: 12 })}
      <button type="submit">${t("register.import")}</button>
    </form>
    <p><a href="/console/elections/${o.slug}/applications">${t("apps.back")}</a></p>`;
  return consolePage(v, t("register.title"), body);
}
