import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { problem } from "../../domain/common/problem.ts";
import type { Store } from "../../ports/store.ts";
import { installBearerTokens } from "./auth/bearer-token.ts";
import { replyProblems } from "./problem-to-http.ts";
import { routePlugins } from "./routes/index.ts";

/** What the web adapter needs. */
export interface ServerDeps {
  readonly store: Store;
  readonly now?: () => Date;
  /** pino level; "silent" in tests. */
  readonly logLevel?: string;
  /** Where logs go (tests capture them); default stdout. */
  readonly logStream?: NodeJS.WritableStream;
  /** Told of every route as it is registered (the route × role matrix test lists them this way). */
  readonly onRoute?: (route: { method: string | string[]; url: string }) => void;
  /** How often a running job (a roll upload) writes its progress; default 500 ms. */
  readonly progressEveryMs?: number;
}

/** Paths pino blanks out wherever they appear, so secrets never reach a log. */
export const redactedPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  "headers.authorization",
  "headers.cookie",
  "authorization",
  "credential",
  "code",
  "password",
  "token",
  "*.credential",
  "*.code",
  "*.password",
  "*.token",
  "*.*.credential",
  "*.*.code",
  "*.*.password",
  "*.*.token",
];

const apology =
  "Sorry, something went wrong on our side and your request was not completed. Nothing was half-saved; please try again in a moment.";

/**
 * Builds the HTTP server: JSON API with zod-typed routes, the OpenAPI description at
 * /api/openapi.json, strict security headers (a CSP without unsafe-inline), structured logs with
 * secrets redacted, bearer tokens resolved into an Actor, and a plain apology for anything thrown.
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const logger: FastifyServerOptions["logger"] = {
    level: deps.logLevel ?? "info",
    redact: { paths: redactedPaths, censor: "[redacted]" },
    ...(deps.logStream ? { stream: deps.logStream } : {}),
  };
  const app = Fastify({
    logger,
    trustProxy: false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  if (deps.onRoute) {
    const seen = deps.onRoute;
    app.addHook("onRoute", (route) => seen({ method: route.method, url: route.url }));
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Selectorate",
        version: "0.1.0",
        description: "Runs a membership organisation's election end to end, and proves the result.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    },
    transform: jsonSchemaTransform,
  });

  installBearerTokens(app, deps.store);

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((issue) =>
        problem("input.invalid", {
          field:
            issue.instancePath.replace(/^\//, "").replace(/\//g, ".") ||
            (error.validationContext ?? "request"),
          facts: { reason: issue.message ?? "not valid" },
        }),
      );
      return replyProblems(reply, problems);
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      const text = error instanceof Error ? error.message : "The request could not be read.";
      return reply.code(status).send({ problems: [{ code: "input.invalid", message: text }] });
    }
    request.log.error({ err: error }, "request failed");
    return reply.code(500).send({ apology });
  });
  app.setNotFoundHandler((request, reply) =>
    replyProblems(reply, problem("not-found", { field: "The page", value: request.url })),
  );

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const routeDeps = {
    store: deps.store,
    now: deps.now ?? (() => new Date()),
    ...(deps.progressEveryMs !== undefined ? { progressEveryMs: deps.progressEveryMs } : {}),
  };
  for (const plugin of routePlugins) await app.register(plugin, routeDeps);
  return app;
}
