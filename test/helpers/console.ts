// Helpers for the staff console's tests: a cookie jar over Fastify's inject, staff accounts made
// through the services, and TOTP codes for a given instant.
import { randomBytes } from "node:crypto";
import { after } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildServer } from "../../src/adapters/web/server.ts";
import { generate } from "otplib";
import type { Store } from "../../src/ports/store.ts";
import { addStaffMember } from "../../src/services/add-staff-member.ts";
import {
  createFirstAdministrator,
  issueFirstAdministratorLink,
} from "../../src/services/set-up-first-administrator.ts";
import type { StaffDeps } from "../../src/services/staff-deps.ts";
import { staffDeps } from "../../src/adapters/web/auth/staff-deps.ts";

// The server key seals authenticator keys; the test's services and its server must share one, and
// no test may write a key file into the working folder.
process.env["SELECTORATE_CREDENTIAL_KEY"] ??= randomBytes(32).toString("hex");

/** Staff deps on a settable clock: the real ones, so keys are sealed as the server seals them. */
export function testStaffDeps(clock: { now: Date }): StaffDeps {
  return staffDeps(() => clock.now);
}

/** The TOTP code for `secret` at `at`. */
export function codeAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** A browser-like client over inject: keeps cookies, reads hidden CSRF fields. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}
  /** Sends a request with the jar's cookies; stores any Set-Cookie. */
  async send(
    method: "GET" | "POST",
    url: string,
    /** Form fields; a list is sent as the field repeated (ticked checkboxes). */
    form?: Record<string, string | readonly string[]>,
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(form
        ? {
            payload: new URLSearchParams(
              Object.entries(form).flatMap(([k, v]) =>
                typeof v === "string" ? [[k, v] as [string, string]] : v.map((x): [string, string] => [k, x]),
              ),
            ).toString(),
          }
        : {}),
    });
    for (const c of res.cookies) {
      if (c.value === "" || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  /**
   * Posts a multipart/form-data body as a browser sends a form with a file input: the parts in the
   * order given (a file part is `{ filename, content }`).
   */
  async sendMultipart(
    url: string,
    parts: readonly (readonly [string, string | { filename: string; content: Buffer | string }])[],
  ): Promise<LightMyRequestResponse> {
    const boundary = `----selectorate${randomBytes(8).toString("hex")}`;
    const chunks: Buffer[] = [];
    for (const [name, value] of parts) {
      const head =
        typeof value === "string"
          ? `Content-Disposition: form-data; name="${name}"\r\n\r\n`
          : `Content-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: text/csv\r\n\r\n`;
      chunks.push(Buffer.from(`--${boundary}\r\n${head}`));
      chunks.push(Buffer.from(typeof value === "string" ? value : value.content));
      chunks.push(Buffer.from("\r\n"));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    const res = await this.app.inject({
      method: "POST",
      url,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat(chunks),
    });
    return res;
  }
  /** The hidden `csrf` field of a page. */
  static csrf(body: string): string {
    const m = /name="csrf" value="([^"]+)"/.exec(body);
    if (!m) throw new Error("no csrf field on the page");
    return m[1]!;
  }
  /** The TOTP key shown on the enrolment page. */
  static totpKey(body: string): string {
    const m = /id="totp-key">([A-Z2-7]+)</.exec(body);
    if (!m) throw new Error("no TOTP key on the page");
    return m[1]!;
  }
}

/** A staff member with a password and an enrolled TOTP secret. */
export interface StaffLogin {
  readonly email: string;
  readonly password: string;
  secret?: string;
}

/**
 * Signs a client in through the pages (password, then code; enrolling on first sign-in) and picks
 * the first role if asked. Returns the last response.
 */
export async function signIn(c: Client, who: StaffLogin, at: Date): Promise<LightMyRequestResponse> {
  const page = await c.send("GET", "/console/sign-in");
  const res = await c.send("POST", "/console/sign-in", {
    csrf: Client.csrf(page.body),
    email: who.email,
    password: who.password,
  });
  if (res.statusCode !== 303) return res;
  const codePage = await c.send("GET", "/console/sign-in/code");
  if (!who.secret) who.secret = Client.totpKey(codePage.body);
  const code = await codeAt(who.secret, at);
  const done = await c.send("POST", "/console/sign-in/code", { csrf: Client.csrf(codePage.body), code });
  if (done.headers.location === "/console/role") {
    const rolePage = await c.send("GET", "/console/role");
    const m = /name="role"\s+value="([^"]+)"/.exec(rolePage.body);
    return c.send("POST", "/console/role", { csrf: Client.csrf(rolePage.body), role: m![1]! });
  }
  return done;
}

/** Creates the first administrator through the one-time link service. */
export async function firstAdmin(
  store: Store,
  deps: StaffDeps,
  email = "admin@example.org",
): Promise<StaffLogin> {
  const link = await issueFirstAdministratorLink(store, deps);
  if (!link) throw new Error("accounts exist already");
  const password = "admin password 2026";
  const r = await createFirstAdministrator(store, deps, {
    token: link.token,
    email,
    displayName: "Ada Admin",
    password,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { email, password };
}

/** Gives a new person one role in one election (by an administrator actor). */
export async function staffWithRole(
  store: Store,
  deps: StaffDeps,
  role: string,
  election: string,
  email: string,
): Promise<StaffLogin> {
  const password = `password for ${role} ok`;
  const r = await addStaffMember(
    store,
    deps,
    { id: "test-admin", role: "administrator" },
    { email, displayName: email, password, role, election },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { email, password };
}

/**
 * One server per test file on a settable clock, built on first use and closed after the file; with
 * the staff deps on the same clock. Call at the top of a `forEachEngine` block.
 */
export function consoleServer(
  engine: { readonly store: Store },
  start: string,
  options: { progressEveryMs?: number } = {},
) {
  const clock = { now: new Date(start) };
  let app: FastifyInstance | undefined;
  after(async () => app?.close());
  const deps = testStaffDeps(clock);
  // The engine's store exists only once its before() hook has run, so it is read here, lazily.
  const server = async () =>
    (app ??= await buildServer({
      store: engine.store,
      logLevel: "silent",
      now: () => clock.now,
      ...options,
    }));
  return {
    clock,
    deps,
    server,
    /** A new person, signed in through the pages, acting in `role` for the election `slug`. */
    as: async (role: string, slug: string): Promise<Client> => {
      const who = await staffWithRole(engine.store, deps, role, slug, `${role}@${slug}.example.org`);
      const c = new Client(await server());
      const r = await signIn(c, who, clock.now);
      if (r.statusCode !== 303) throw new Error(`${role} could not sign in: ${r.statusCode}`);
      return c;
    },
  };
}

/** Posts a form from `page` (its CSRF token) to `url`, as the browser would. */
export async function postFrom(
  c: Client,
  page: string,
  url: string,
  form: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return c.send("POST", url, { csrf: Client.csrf((await c.send("GET", page)).body), ...form });
}
