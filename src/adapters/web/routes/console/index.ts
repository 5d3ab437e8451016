import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import { resolveStaffSession } from "../../../../services/staff-session.ts";
import { staffCookie } from "../../auth/staff-cookie.ts";
import { staffDeps } from "../../auth/staff-deps.ts";
import { consoleCss } from "../../views/console/console-css.ts";
import { consoleI18nReady } from "../../views/console/i18n.ts";
import { siteCss } from "../../views/site-css.ts";
import { rollUploadScript } from "../../views/console/roll-upload-script.ts";
import type { RoutePlugin } from "../route-deps.ts";
import { refuse, sameToken, type FormBody } from "./context.ts";
import { countRoutes } from "./count.ts";
import { credentialRoutes } from "./credentials.ts";
import { mailRoutes } from "./mail.ts";
import { electionRoutes } from "./elections.ts";
import { passwordRoutes } from "./password.ts";
import { peopleRoutes } from "./people.ts";
import { pollRoutes } from "./poll.ts";
import { reauthRoutes } from "./reauth.ts";
import { applicationConsoleRoutes } from "./applications.ts";
import { vettingConsoleRoutes } from "./vetting.ts";
import { panelRoutes } from "./panels.ts";
import { applicationSetupRoutes } from "./application-setup.ts";
import { nominationConsoleRoutes } from "./nominations.ts";
import { signInRoutes } from "./signin-routes.ts";
import { ROLL_UPLOAD_ROUTE, rollUploadRoutes } from "./roll-upload.ts";
import { ROLL_FILE_LIMIT } from "./roll-upload-form.ts";

// The staff console under /console. Sessions live only inside this plugin: the session cookie never
// authenticates the JSON API (that takes bearer tokens), so no API route can be driven by a forged
// cross-site form. Every POST here carries the session's synchronizer token, except the two forms
// shown before a session exists (sign-in, first administrator), which use a double-submit cookie.

const preSessionPosts = new Set(["/console/sign-in"]);

/** The console's pages, sign-in and stylesheets. */
export const consoleRoutes: RoutePlugin = async (app, routeDeps) => {
  await consoleI18nReady();
  await app.register(formbody);
  // Multipart bodies are streamed by the one route that takes a file (the roll upload), never parsed
  // into request.body: any other console POST sent as multipart has no token in its body and is refused.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: ROLL_FILE_LIMIT, files: 1, fields: 8, fieldSize: 1024 * 1024, parts: 10 },
  });
  await app.register(cookie);
  const cookieSettings = staffCookie();
  const deps = staffDeps(routeDeps.now);
  app.decorateRequest("staff", undefined);

  app.addHook("onRequest", async (request: FastifyRequest) => {
    if (!request.url.startsWith("/console")) return;
    const id = request.cookies[cookieSettings.name];
    if (!id || id.length > 100) return;
    const session = await resolveStaffSession(routeDeps.store, deps, id);
    request.staff = session;
    // A signed-in console session acts as its chosen role; a bearer token is not used for pages.
    request.actor = session?.actor;
  });

  app.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== "POST") return;
    const path = request.url.split("?")[0]!;
    if (preSessionPosts.has(path) || path.startsWith("/console/setup/")) return; // checked in the handler
    // The upload's token is the first part of its multipart body, checked by the handler before the
    // file is read (receiveRollForm); a plain form post to it is checked here like any other.
    if (request.routeOptions.url === ROLL_UPLOAD_ROUTE && request.isMultipart()) return;
    const body = (request.body ?? {}) as FormBody;
    const expected = request.staff?.csrfToken ?? "";
    if (!sameToken(expected, body["csrf"] ?? "")) {
      request.log.warn({ code: "csrf", url: path }, "console form refused: missing or wrong CSRF token");
      return refuse(request, reply, 403);
    }
  });

  app.get("/assets/site.css", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(siteCss),
  );
  app.get("/assets/roll-upload.js", { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(rollUploadScript),
  );
  app.get("/assets/console.css", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(consoleCss),
  );

  signInRoutes(app, routeDeps.store, deps, cookieSettings);
  electionRoutes(app, routeDeps.store, routeDeps.now);
  rollUploadRoutes(app, routeDeps);
  peopleRoutes(app, routeDeps.store, deps);
  reauthRoutes(app, routeDeps.store, deps, cookieSettings);
  passwordRoutes(app, routeDeps.store, deps, cookieSettings);
  pollRoutes(app, routeDeps.store, routeDeps.now);
  countRoutes(app, routeDeps.store, routeDeps.now);
  credentialRoutes(app, routeDeps.store, routeDeps.now);
  mailRoutes(app, routeDeps.store, routeDeps.now);
  applicationConsoleRoutes(app, routeDeps.store, routeDeps.now);
  vettingConsoleRoutes(app, routeDeps.store, routeDeps.now);
  panelRoutes(app, routeDeps.store, routeDeps.now);
  applicationSetupRoutes(app, routeDeps.store, routeDeps.now);
  nominationConsoleRoutes(app, routeDeps.store, routeDeps.now);
};
