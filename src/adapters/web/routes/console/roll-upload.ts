import { createReadStream } from "node:fs";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Problem } from "../../../../domain/common/problem.ts";
import type { RouteDeps } from "../route-deps.ts";
import { sha256Hasher } from "../../../crypto/sha256-stream.ts";
import { readRollUpload, type RollUploadStatus } from "../../../../services/read-roll-upload.ts";
import { startRollUpload } from "../../../../services/upload-roll.ts";
import { html, type Html } from "../../views/html.ts";
import type { TFunction } from "i18next";
import {
  checkbox,
  consoleErrors,
  consolePage,
  csrfField,
  problemList,
  textArea,
  type ConsoleView,
} from "../../views/console/shell.ts";
import { textInput } from "../../views/console/form-fields.ts";
import { langTag } from "../../views/console/i18n.ts";
import { receiveRollForm } from "./roll-upload-form.ts";
import { mayAct, refuse, refuseProblem, requireSignedIn, sendPage, viewOf } from "./context.ts";

/** The upload route, whose CSRF token is read from the multipart body by its handler (see index.ts). */
export const ROLL_UPLOAD_ROUTE = "/console/elections/:slug/roll/upload";

/** What the upload form shows again after a refusal. */
interface UploadForm {
  readonly mapping?: string;
  readonly replace?: boolean;
  readonly fileError?: string;
  readonly mappingError?: string;
  /** Every bad line of a refused file, shown under the error beside the file field. */
  readonly problems?: readonly Problem[];
}

/** The returning officer's roll upload: the form, the upload into a job, and the job's status page. */
export function rollUploadRoutes(app: FastifyInstance, routeDeps: RouteDeps): void {
  type P = { slug: string };
  const { store, now } = routeDeps;
  const deps = {
    now,
    hash: sha256Hasher,
    ...(routeDeps.progressEveryMs !== undefined ? { progressEveryMs: routeDeps.progressEveryMs } : {}),
  };

  const formPage = (request: FastifyRequest, reply: FastifyReply, status: number, form: UploadForm) => {
    const v = viewOf(request, reply);
    const slug = (request.params as P).slug;
    const errors = [
      ...(form.fileError ? [{ field: "file", message: form.fileError }] : []),
      ...(form.mappingError ? [{ field: "mapping", message: form.mappingError }] : []),
    ];
    return sendPage(
      reply,
      status,
      consolePage(
        v,
        v.t("upload.title"),
        html`${consoleErrors(v.t, errors)}
          <p>${v.t("upload.intro")}</p>
          ${uploadForm(v.t, request.staff!.csrfToken, slug, form)}
          <p><a href="/console/elections/${slug}/roll">${v.t("upload.back")}</a></p>`,
      ),
    );
  };

  app.get<{ Params: P }>(ROLL_UPLOAD_ROUTE, async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const refused = await mayAct(store, request, "roll.import", request.params.slug);
    if (refused) return refuseProblem(request, reply, refused);
    return formPage(request, reply, 200, {});
  });

  app.post<{ Params: P }>(ROLL_UPLOAD_ROUTE, async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const slug = request.params.slug;
    const refused = await mayAct(store, request, "roll.import", slug);
    if (refused) return refuseProblem(request, reply, refused);
    const v = viewOf(request, reply);
    // A plain form post had its token checked before the handler (index.ts); it carries no file.
    if (!request.isMultipart()) return formPage(request, reply, 422, { fileError: v.t("upload.noFile") });
    const form = await receiveRollForm(request, request.staff!.csrfToken);
    if (form.kind === "csrf-refused") {
      request.log.warn(
        { code: "csrf", url: request.url },
        "console upload refused: missing or wrong CSRF token",
      );
      return refuse(request, reply, 403);
    }
    const shown = { mapping: form.fields["mapping"] ?? "", replace: form.fields["replace"] === "1" };
    let mapping: unknown;
    let mappingError: string | undefined;
    try {
      mapping = JSON.parse(shown.mapping);
    } catch (e) {
      mappingError = v.t("roll.notJson", { reason: (e as Error).message });
    }
    const fileError = form.tooLarge ? v.t("upload.tooLarge") : form.file ? undefined : v.t("upload.noFile");
    if (fileError || mappingError || !form.file) {
      await form.file?.discard();
      return formPage(request, reply, 422, { ...shown, fileError, mappingError });
    }
    const file = form.file;
    const r = await startRollUpload(
      store,
      deps,
      request.actor,
      {
        election: slug,
        open: () => createReadStream(file.path),
        fileBytes: file.bytes,
        mapping,
        mappingText: shown.mapping,
        mode: form.fields["mode"] === "preview" ? "preview" : "apply",
        replace: shown.replace,
        onEnd: file.discard,
      },
      "web",
    );
    if (!r.ok) return refuseProblem(request, reply, r.error);
    void r.value.done; // runs on after this answer; its progress and outcome are in the upload's row
    return reply.redirect(`/console/elections/${slug}/roll/uploads/${r.value.id}`, 303);
  });

  app.get<{ Params: P & { upload: string } }>(
    "/console/elections/:slug/roll/uploads/:upload",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const { slug, upload } = request.params;
      const r = await readRollUpload(store, now, request.actor, { election: slug, upload });
      if (!r.ok) {
        if (r.error.code === "not-found" && r.error.field === "upload") return refuse(request, reply, 404);
        return refuseProblem(request, reply, r.error);
      }
      const v = viewOf(request, reply);
      const s = r.value;
      const body = html`<p>
          ${v.t("upload.started", { at: s.startedAt.toISOString().slice(0, 19).replace("T", " "), bytes: number(v.lang, s.fileBytes) })}
        </p>
        ${statusBody(v, s, slug, request.staff!.csrfToken)}
        <p><a href="/console/elections/${slug}/roll">${v.t("upload.back")}</a></p>`;
      return sendPage(
        reply,
        s.outcome?.kind === "refused" ? 422 : 200,
        consolePage(v, v.t("upload.statusTitle"), body),
      );
    },
  );
}

/** A count as the page's language writes it (654,006). */
function number(lang: "en" | "cy", n: number): string {
  return n.toLocaleString(langTag(lang));
}

/** The upload form; a refused file's bad lines are listed under the field at fault. */
function uploadForm(t: TFunction, csrfToken: string, slug: string, form: UploadForm): Html {
  const listed = form.problems?.length ? problemList(form.problems) : "";
  return html`<form
    method="post"
    action="/console/elections/${slug}/roll/upload"
    enctype="multipart/form-data"
    novalidate
  >
    ${csrfField(csrfToken)}
    ${textInput({ type: "file", name: "file", label: t("upload.file"), hint: t("upload.fileHint"), accept: ".csv,text/csv", error: form.fileError })}
    ${form.fileError ? listed : ""}
    ${textArea({ name: "mapping", label: t("upload.mapping"), value: form.mapping ?? "", error: form.mappingError, rows: 8 })}
    ${form.fileError ? "" : listed}
    ${checkbox({ name: "replace", label: t("roll.replace"), checked: Boolean(form.replace) })}
    <div class="actions">
      <button type="submit" name="mode" value="preview" class="secondary">${t("upload.check")}</button>
      <button type="submit" name="mode" value="apply">${t("upload.apply")}</button>
    </div>
  </form>`;
}

/** The status page's body: the progress while the job runs, then its outcome. */
function statusBody(v: ConsoleView, s: RollUploadStatus, slug: string, csrfToken: string): Html {
  const t = v.t;
  const n = (x: number) => number(v.lang, x);
  if (s.stopped) return html`<p class="panel" id="outcome">${t("upload.stopped")}</p>`;
  if (s.phase === "checking" || s.phase === "writing") {
    const percent =
      s.phase === "checking"
        ? s.fileBytes === 0
          ? 0
          : Math.floor((100 * s.bytesRead) / s.fileBytes)
        : !s.rowsToWrite
          ? 0
          : Math.floor((100 * s.rowsWritten) / s.rowsToWrite);
    const sentence =
      s.phase === "checking"
        ? t("upload.checking", { rows: n(s.rowsChecked), percent })
        : t("upload.writing", { written: n(s.rowsWritten), total: n(s.rowsToWrite ?? 0) });
    // data-running tells /assets/roll-upload.js to keep this up to date; without it, the link does.
    return html`<div id="upload-status" data-running="1">
        <p id="progress-text" role="status">${sentence}</p>
        <p>
          <label for="upload-progress">${t("upload.progress")}</label>
          <progress id="upload-progress" max="100" value="${percent}">${percent}%</progress>
        </p>
        <p>
          ${t("upload.refreshing")}
          <a href="/console/elections/${slug}/roll/uploads/${s.id}">${t("upload.refreshNow")}</a>
        </p>
      </div>
      <script src="/assets/roll-upload.js" defer></script>`;
  }
  const o = s.outcome!;
  switch (o.kind) {
    case "imported":
      return html`<p class="panel" id="outcome">
          ${t("roll.imported", { rows: n(o.rows), n: o.importNumber })}
        </p>
        <p><a href="/console/elections/${slug}">${t("election.readiness")}</a></p>`;
    case "unchanged":
      return html`<p class="panel" id="outcome">${t("roll.unchanged")}</p>`;
    case "preview":
      return html`<p class="panel" id="outcome">
        ${
          o.confirmationNeeded
            ? t("upload.confirm", {
                rows: n(o.rows),
                added: n(o.added),
                removed: n(o.removed),
                changed: n(o.changed),
              })
            : t("roll.previewed", {
                rows: n(o.rows),
                added: n(o.added),
                removed: n(o.removed),
                changed: n(o.changed),
              })
        }
      </p>`;
    case "error":
      return html`<p class="panel" id="outcome">${t("upload.error", { message: o.message })}</p>`;
    case "refused": {
      const mappingOnly = o.problems.every((p) => p.code.startsWith("roll.mapping"));
      const shown = { mapping: s.mapping, replace: s.replace, problems: o.problems };
      const form: UploadForm = mappingOnly
        ? { ...shown, mappingError: t("roll.badFile") }
        : { ...shown, fileError: t("roll.badFile") };
      return html`${consoleErrors(t, [{ field: mappingOnly ? "mapping" : "file", message: t("roll.badFile") }])}
      ${uploadForm(t, csrfToken, slug, form)}`;
    }
  }
}
