import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Store } from "../../../ports/store.ts";

/** What every route plugin is given: the store and the server clock. */
export interface RouteDeps {
  readonly store: Store;
  readonly now: () => Date;
  /** How often a running job (a roll upload) writes its progress; tests shorten it. Default 500 ms. */
  readonly progressEveryMs?: number;
}

/** A room's routes: one Fastify plugin, typed through zod schemas. */
export type RoutePlugin = FastifyPluginAsyncZod<RouteDeps>;
