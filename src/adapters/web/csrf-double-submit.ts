import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * Double-submit CSRF for the public pages that have no session (voting, applying, appealing): a
 * random token in a `__Host-` cookie must come back in the form. Each audience names its own cookie.
 */
export function doubleSubmitCsrf(cookieName: string) {
  return {
    /** The token to put in the form, setting the cookie on first use. */
    tokenFor(request: FastifyRequest, reply: FastifyReply): string {
      const existing = request.cookies[cookieName];
      if (existing && /^[0-9a-f]{64}$/.test(existing)) return existing;
      const token = randomBytes(32).toString("hex");
      void reply.setCookie(cookieName, token, {
        path: "/",
        secure: true,
        httpOnly: true,
        sameSite: "strict",
      });
      return token;
    },
    /** Whether the form's token matches the cookie (compared in constant time). */
    matches(request: FastifyRequest, formToken: string | undefined): boolean {
      const a = Buffer.from(request.cookies[cookieName] ?? "");
      const b = Buffer.from(formToken ?? "");
      return a.length === 64 && a.length === b.length && timingSafeEqual(a, b);
    },
  };
}
