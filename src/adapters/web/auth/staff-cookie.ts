// The staff session cookie. In production the console runs behind TLS and the cookie is
// `__Host-selectorate`: Secure, HttpOnly, SameSite=Lax, path /, no Domain (the prefix makes the
// browser enforce all of that). For plain http on loopback (tests, a laptop) the operator may set
// SELECTORATE_INSECURE_COOKIES=1; it is honoured only when HOST is a loopback address.

/** How the session cookie is named and flagged. */
export interface StaffCookie {
  readonly name: string;
  readonly secure: boolean;
}

const loopback = new Set(["127.0.0.1", "::1", "localhost"]);

/** The cookie settings for this process's environment. */
export function staffCookie(env: NodeJS.ProcessEnv = process.env): StaffCookie {
  const insecure = env["SELECTORATE_INSECURE_COOKIES"] === "1" && loopback.has(env["HOST"] ?? "127.0.0.1");
  return insecure
    ? { name: "selectorate-staff", secure: false }
    : { name: "__Host-selectorate", secure: true };
}

/** The cookie holding the sign-in form's double-submit token (before any session exists). */
export function preSessionCookie(c: StaffCookie): string {
  return c.secure ? "__Host-selectorate-form" : "selectorate-form";
}
