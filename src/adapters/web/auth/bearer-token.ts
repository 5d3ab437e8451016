import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../../../domain/access/index.ts";
import type { Store } from "../../../ports/store.ts";
import { sha256 } from "../../crypto/sha256.ts";
import { actorForTokenHash } from "../../storage/repos/api-tokens.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is calling, resolved from the request's credentials; undefined for anonymous callers. */
    actor: Actor | undefined;
  }
}

/**
 * Resolves `Authorization: Bearer <token>` into an Actor before each request. No header, or a token
 * that is unknown or revoked, leaves the caller anonymous: the services then refuse what needs a role.
 */
export function installBearerTokens(app: FastifyInstance, store: Store): void {
  app.decorateRequest("actor", undefined);
  app.addHook("onRequest", async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (header === undefined) return;
    const m = /^Bearer\s+(sel_[A-Za-z0-9_-]{20,100})\s*$/.exec(header);
    if (!m) return;
    const hash = sha256(m[1]!);
    request.actor = await store.read((tx) => actorForTokenHash(tx, hash));
  });
}
