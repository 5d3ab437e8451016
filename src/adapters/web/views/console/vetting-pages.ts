import { exclusionReasons, noActionReasons } from "../../../../domain/vetting/index.ts";
import { exclusionReasonText } from "../../../../messages/en/application-mail.ts";
import type { CaseQueueRow } from "../../../storage/repos/queues.ts";
import type { StoredAppeal, StoredCase } from "../../../storage/repos/vetting.ts";
import type { PanelView } from "../../../../services/read-vetting-queue.ts";
import { html, type Html } from "../html.ts";
import { consoleErrors, consolePage, csrfField, tableHead, textArea, type ConsoleView } from "./shell.ts";
import { choiceGroup, notice, selectField, textInput } from "./form-fields.ts";

// The vetting queue and a case's page: evidence, history, the panel's decision (its own members
// only, quorum shown) and the appeal heard by a different panel.

const day = (d: Date): string => d.toISOString().slice(0, 16).replace("T", " ");

/** Errors of a form, by field, as the page shows them. */
export type FieldErrors = Readonly<Record<string, string>>;

const summaryOf = (e: FieldErrors) => Object.entries(e).map(([field, message]) => ({ field, message }));

/** The queue of cases, appeals waiting, and (for staff) the form that raises a case. */
export function vettingQueuePage(
  v: ConsoleView,
  o: {
    slug: string;
    filter: { state?: string | undefined; search?: string | undefined; panelId?: string | undefined };
    cases: readonly CaseQueueRow[];
    panels: readonly PanelView[];
    appeals: readonly StoredAppeal[];
    mayRaise: boolean;
    /** The caller is a panel member: their open cases can be ticked and decided together. */
    mayDecide: boolean;
    done?: string | undefined;
    form?: Readonly<Record<string, string>>;
    errors?: FieldErrors;
  },
): string {
  const { t } = v;
  const base = `/console/elections/${o.slug}/vetting`;
  const f = o.form ?? {};
  const e = o.errors ?? {};
  const open = o.mayDecide ? o.cases.filter((c) => c.outcome === null) : [];
  const table = html`<table>
    ${tableHead(t, open.length > 0 ? ["vet.choose", "vet.voter", "vet.outcome", "vet.appeal"] : ["vet.voter", "vet.outcome", "vet.appeal"])}
    <tbody>
      ${o.cases.map(
        (c, i) =>
          html`<tr>
            ${
              open.length > 0
                ? html`<td>
                    ${
                      c.outcome === null
                        ? html`<input
                            type="checkbox"
                            name="case"
                            value="${c.id}"
                            id="case-${i}"
                            aria-label="${t("vet.chooseCase", { voter: c.voterId })}"
                          />`
                        : ""
                    }
                  </td>`
                : ""
            }
            <td>
              <a href="${base}/cases/${c.id}">${c.voterId}</a><br /><span class="hint"
                >${c.panelName}: ${c.summary}</span
              >
            </td>
            <td>${t(`vet.states.${c.outcome ?? "open"}`)}</td>
            <td>${t(`vet.appeals.${c.appeal}`)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
  const body = html`${notice(o.done)}
    <p>${t("vet.intro")}</p>
    <p><a href="${base}/panels">${t("panels.link")}</a></p>
    <form method="get" action="${base}" class="filters">
      ${selectField({
        name: "state",
        label: t("vet.state"),
        value: o.filter.state,
        options: [
          { value: "", label: t("vet.any") },
          ...(["open", "exclude", "no-action"] as const).map((s) => ({
            value: s,
            label: t(`vet.states.${s}`),
          })),
        ],
      })}
      ${selectField({
        name: "panel",
        label: t("vet.panelFilter"),
        value: o.filter.panelId,
        options: [
          { value: "", label: t("vet.any") },
          ...o.panels.map((p) => ({ value: p.id, label: p.name })),
        ],
      })}
      ${textInput({ name: "q", label: t("vet.search"), value: o.filter.search, type: "search" })}
      <button type="submit">${t("vet.filter")}</button>
    </form>
    ${
      o.cases.length === 0
        ? html`<p>${t("vet.none")}</p>`
        : open.length > 0
          ? html`<form method="get" action="${base}/decide">
              <h2>${t("vet.bulkTitle")}</h2>
              <p>${t("vet.bulkIntro")}</p>
              ${o.filter.search ? html`<input type="hidden" name="q" value="${o.filter.search}" />` : ""}
              ${o.filter.panelId ? html`<input type="hidden" name="panel" value="${o.filter.panelId}" />` : ""}
              ${table}
              <p class="actions">
                <button type="submit" name="pick" value="ticked">${t("vet.bulkTicked")}</button>
                <button type="submit" name="pick" value="all">${t("vet.bulkAll")}</button>
              </p>
            </form>`
          : table
    }
    ${
      o.mayRaise && o.panels.length > 0
        ? html`<h2>${t("vet.raiseTitle")}</h2>
            ${consoleErrors(t, summaryOf(e))}
            <form method="post" action="${base}/cases" novalidate>
              ${csrfField(v.session!.csrfToken)}
              ${textInput({ name: "voterId", label: t("vet.voterId"), value: f["voterId"], error: e["voterId"] })}
              ${textInput({ name: "sectionId", label: t("vet.sectionId"), value: f["sectionId"], error: e["sectionId"] })}
              ${selectField({
                name: "panelId",
                label: t("vet.panelId"),
                value: f["panelId"],
                error: e["panelId"],
                options: o.panels.map((p) => ({ value: p.id, label: p.name })),
              })}
              ${textArea({ name: "summary", label: t("vet.summary"), value: f["summary"] ?? "", error: e["summary"], rows: 3 })}
              ${textArea({ name: "evidence", label: t("vet.evidence"), value: f["evidence"] ?? "", error: e["evidence"], rows: 4 })}
              <button type="submit">${t("vet.raise")}</button>
            </form>`
        : ""
    }`;
  return consolePage(v, t("vet.title"), body);
}

/** A form's values as the page got them back: a field's list (checkboxes) or its one text. */
type FormValues = Readonly<Record<string, string | readonly string[] | undefined>>;
const listOf = (f: FormValues, k: string): string[] => {
  const x = f[k];
  return x === undefined ? [] : typeof x === "string" ? [x] : [...x];
};
const oneOf = (f: FormValues, k: string): string => {
  const x = f[k];
  return typeof x === "string" ? x : "";
};

/** The panel's decision fields (who else sat, the outcome, stated reasons, statement): one case's or many's. */
export function decisionFields(
  v: ConsoleView,
  o: { panel: PanelView; callerId: string; form: FormValues; errors: FieldErrors },
): Html {
  const { t } = v;
  const e = o.errors;
  const others = o.panel.members
    .filter((m) => m.id !== o.callerId)
    .map((m) => ({ value: m.id, label: m.name }));
  return html`${choiceGroup({ name: "present", legend: t("vet.present"), type: "checkbox", options: others, checked: listOf(o.form, "present"), error: e["present"] })}
  ${choiceGroup({
    name: "outcome",
    legend: t("vet.outcomeLabel"),
    type: "radio",
    options: (["exclude", "no-action"] as const).map((x) => ({ value: x, label: t(`vet.outcomes.${x}`) })),
    checked: listOf(o.form, "outcome"),
    error: e["outcome"],
  })}
  ${choiceGroup({
    name: "reasons",
    legend: t("vet.reasons"),
    type: "checkbox",
    options: [...exclusionReasons, ...noActionReasons].map((r) => ({
      value: r,
      label: exclusionReasonText(r),
    })),
    checked: listOf(o.form, "reasons"),
    error: e["reasons"],
  })}
  ${textArea({ name: "statement", label: t("vet.statement"), value: oneOf(o.form, "statement"), error: e["statement"], rows: 4 })}`;
}

/** A case: evidence, history, and the forms the caller may use (decide, paper appeal, hear). */
export function casePage(
  v: ConsoleView,
  o: {
    slug: string;
    case: StoredCase;
    panels: readonly PanelView[];
    appeal: StoredAppeal | undefined;
    /** The caller sits on the case's panel and the case is open. */
    mayDecide: boolean;
    /** Panels the caller sits on that may hear this case's appeal (not the deciding panel). */
    hearingPanels: readonly PanelView[];
    mayLodge: boolean;
    callerId: string;
    form?: FormValues;
    errors?: FieldErrors;
    done?: string | undefined;
  },
): string {
  const { t } = v;
  const c = o.case;
  const d = c.decision;
  const panel = o.panels.find((p) => p.id === c.panelId);
  const name = (id: string) => o.panels.flatMap((p) => p.members).find((m) => m.id === id)?.name ?? id;
  const action = `/console/elections/${o.slug}/vetting/cases/${c.id}`;
  const e = o.errors ?? {};
  const f = o.form ?? {};
  const list = (k: string): string[] => listOf(f, k);
  const one = (k: string): string => oneOf(f, k);
  // A decision's outcome as radios (the panel's, or the hearing's), each labelled from `labels`.
  const outcomeRadios = (name: string, legend: string, values: readonly string[], labels: string) =>
    choiceGroup({
      name,
      legend,
      type: "radio",
      options: values.map((x) => ({ value: x, label: t(`${labels}.${x}`) })),
      checked: list(name),
      error: e[name],
    });
  const history: Html[] = [
    html`<li>${t("vet.raisedBy", { at: day(c.raisedAt), who: name(c.raisedBy) })}: ${c.summary}</li>`,
  ];
  if (d)
    history.push(
      html`<li>
        ${t("vet.decidedBy", {
          at: day(d.decidedAt),
          who: name(d.decidedBy),
          present: d.present.map(name).join(", "),
          outcome: t(`vet.states.${d.outcome}`),
        })}
        (${d.reasons.map(exclusionReasonText).join("; ")}). ${t("vet.statement")}: ${d.statement}
        ${d.appealDeadline ? html`<br />${t("vet.appealDeadline", { at: day(d.appealDeadline) })}` : ""}
      </li>`,
    );
  if (o.appeal) {
    history.push(
      html`<li>
        ${t("vet.lodgedBy", { at: day(o.appeal.lodgedAt), who: o.appeal.lodgedBy, grounds: o.appeal.grounds })}
      </li>`,
    );
    if (o.appeal.outcome)
      history.push(
        html`<li>
          ${t("vet.heardBy", { outcome: t(`vet.appeals.${o.appeal.outcome}`), reason: o.appeal.reason ?? "" })}
        </li>`,
      );
  }
  const others = (p: PanelView) =>
    p.members.filter((m) => m.id !== o.callerId).map((m) => ({ value: m.id, label: m.name }));
  const body = html`${notice(o.done)} ${consoleErrors(t, summaryOf(e))}
    <p>${t("vet.voter")}: <strong>${c.voterId}</strong> (${c.sectionId})</p>
    ${
      panel
        ? html`<p>
            ${t("vet.quorum", { panel: panel.name, quorum: panel.quorum, members: panel.members.length })}
          </p>`
        : ""
    }
    <h2>${t("vet.evidenceTitle")}</h2>
    <ul>
      ${c.evidence.map((x) => html`<li>${x}</li>`)}
    </ul>
    <h2>${t("vet.historyTitle")}</h2>
    <ol class="history">
      ${history}
    </ol>
    ${
      !d && panel
        ? o.mayDecide
          ? html`<h2>${t("vet.decideTitle")}</h2>
              <form method="post" action="${action}/decision" novalidate>
                ${csrfField(v.session!.csrfToken)}
                ${decisionFields(v, { panel, callerId: o.callerId, form: f, errors: e })}
                <button type="submit">${t("vet.decide")}</button>
              </form>`
          : html`<p>${t("vet.decideOnlyMembers")}</p>`
        : ""
    }
    ${
      d?.outcome === "exclude" && !o.appeal && o.mayLodge
        ? html`<h2>${t("vet.paperAppeal")}</h2>
            <form method="post" action="${action}/appeal" novalidate>
              ${csrfField(v.session!.csrfToken)}
              ${textArea({ name: "grounds", label: t("vet.grounds"), value: one("grounds"), error: e["grounds"], rows: 4 })}
              <button type="submit">${t("vet.lodge")}</button>
            </form>`
        : ""
    }
    ${
      o.appeal && !o.appeal.outcome
        ? o.hearingPanels.map(
            (p) =>
              html`<h2>${t("vet.hearTitle")}: ${p.name}</h2>
                <p>${t("vet.hearIntro")}</p>
                <form
                  method="post"
                  action="/console/elections/${o.slug}/appeals/${o.appeal!.id}/hearing"
                  novalidate
                >
                  ${csrfField(v.session!.csrfToken)}
                  <input type="hidden" name="panelId" value="${p.id}" />
                  ${choiceGroup({ name: "present", legend: t("vet.present"), type: "checkbox", options: others(p), checked: list("present"), error: e["present"] })}
                  ${outcomeRadios("hearOutcome", t("vet.hearOutcome"), ["upheld", "dismissed"], "vet.hearOutcomes")}
                  ${textArea({ name: "reason", label: t("vet.hearReason"), value: one("reason"), error: e["reason"], rows: 4 })}
                  <button type="submit">${t("vet.hear")}</button>
                </form>`,
          )
        : ""
    }
    <p><a href="/console/elections/${o.slug}/vetting">${t("vet.back")}</a></p>`;
  return consolePage(v, `${t("vet.case")}: ${c.voterId}`, body);
}
