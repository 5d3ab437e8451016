import { z } from "zod";
import { formatHead } from "../../../../domain/record/index.ts";
import { message } from "../../../../messages/en.ts";
import { verifyLogs } from "../../../../services/verify-logs.ts";
import { replyProblems } from "../../problem-to-http.ts";
import type { RoutePlugin } from "../route-deps.ts";

const chainVerdict = z.object({
  log: z.enum(["record", "audit"]),
  intact: z.boolean(),
  entries: z.number().int().optional(),
  head: z.string().optional().describe("<seq>:<hash> of the last entry; export it to check later truncation"),
  problem: z
    .object({ code: z.string(), message: z.string(), entry: z.number().int().optional() })
    .optional()
    .describe("where and why the chain is broken"),
});

const problemList = z.object({
  problems: z.array(
    z.object({
      code: z.string(),
      line: z.number().optional(),
      field: z.string().optional(),
      value: z.string().optional(),
      message: z.string(),
    }),
  ),
});

/** The election's logs over the JSON API: `GET /api/elections/:slug/record/verify`. */
export const recordRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    "/api/elections/:slug/record/verify",
    {
      schema: {
        summary: "Verify the election's public record and private audit log (hash chains)",
        description:
          "For the scrutineer, the returning officer and administrators. Pass heads exported earlier to detect truncation.",
        tags: ["record"],
        security: [{ bearer: [] }],
        params: z.object({ slug: z.string().min(1).max(64) }),
        querystring: z.object({
          head: z.string().optional().describe("the public record's head exported earlier"),
          auditHead: z.string().optional().describe("the audit log's head exported earlier"),
        }),
        response: {
          200: z.object({ election: z.string(), intact: z.boolean(), chains: z.array(chainVerdict) }),
          400: problemList,
          401: problemList,
          403: problemList,
          404: problemList,
        },
      },
    },
    async (request, reply) => {
      const result = await verifyLogs(deps.store, request.actor, {
        election: request.params.slug,
        recordHead: request.query.head,
        auditHead: request.query.auditHead,
      });
      if (!result.ok) return replyProblems(reply, result.error);
      const chains = result.value.map((c) =>
        c.verdict.ok
          ? {
              log: c.log,
              intact: true,
              entries: c.verdict.value.length,
              head: c.verdict.value.head ? formatHead(c.verdict.value.head) : undefined,
            }
          : {
              log: c.log,
              intact: false,
              problem: {
                code: c.verdict.error.code,
                message: message(c.verdict.error),
                entry: Number(c.verdict.error.facts?.["entry"] ?? 0) || undefined,
              },
            },
      );
      return { election: request.params.slug, intact: chains.every((c) => c.intact), chains };
    },
  );
};
