import { z } from "zod";
import type { RoutePlugin } from "./route-deps.ts";

/** `GET /health`: the service is up and its database answers. */
export const healthRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    "/health",
    {
      schema: {
        summary: "Is the service up and its database answering?",
        tags: ["service"],
        response: { 200: z.object({ status: z.literal("ok"), engine: z.enum(["pglite", "postgres"]) }) },
      },
    },
    async () => {
      await deps.store.read(async () => undefined);
      return { status: "ok" as const, engine: deps.store.engine };
    },
  );
};
