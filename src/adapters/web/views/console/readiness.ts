import type { TFunction } from "i18next";
import type { Blocker, ReadinessFacts } from "../../../../domain/readiness/index.ts";
import { html, type Html } from "../html.ts";

/** A readiness checklist: each blocker in plain words, or one line saying nothing blocks the step. */
export function checklist(t: TFunction, blockers: readonly Blocker[], facts: ReadinessFacts): Html {
  if (blockers.length === 0) return html`<p class="ok">${t("readiness.ready")}</p>`;
  const closes = facts.poll?.closes.toISOString() ?? "";
  return html`<ul class="checklist">
    ${blockers.map((b) => html`<li class="blocked">${t(`readiness.${b}`, { closes })}</li>`)}
  </ul>`;
}
