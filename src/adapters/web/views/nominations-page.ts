import type { NominationsTable } from "../../../domain/nominations/index.ts";
import type { NominationsOutcome } from "../../../services/close-nominations.ts";
import { langTag, translator, type ConsoleLanguage } from "./console/i18n.ts";
import { html } from "./html.ts";
import { page } from "./layout.ts";
import { nominationsStatus, nominationsTableHtml } from "./nominations-table.ts";

// The public nominations page, in English or Welsh (`?lang=cy`); its text is in the console's
// message files (`noms.`), shared with the console's nominations page.

const switchLink = (lang: ConsoleLanguage, path: string) => {
  const other = lang === "cy" ? "en" : "cy";
  return html`<p>
    <a href="${path}?lang=${other}" lang="${other}">${translator(lang)("nav.language")}</a>
  </p>`;
};

/** The public nominations page: one table row per candidate, a column per body, then the threshold. */
export function nominationsPage(
  t: NominationsTable,
  outcome: NominationsOutcome | null,
  lang: ConsoleLanguage = "en",
  path = "",
): string {
  const tr = translator(lang);
  const body = html`${path ? switchLink(lang, path) : ""}
    <p>${nominationsStatus(tr, t)}</p>
    ${nominationsTableHtml(tr, t, outcome)}`;
  return page({ title: tr("noms.publicTitle"), body, lang: langTag(lang) });
}

/** The page shown when there is no table to show (unknown election, or nominations not set up). */
export function nominationsUnavailablePage(
  sentences: readonly string[],
  lang: ConsoleLanguage = "en",
): string {
  return page({
    title: translator(lang)("noms.publicTitle"),
    body: html`${sentences.map((s) => html`<p>${s}</p>`)}`,
    lang: langTag(lang),
  });
}
