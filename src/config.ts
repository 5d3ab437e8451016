import { z } from "zod";

// Every setting comes from an environment variable, checked here once. The README's table lists them.

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  SELECTORATE_DATA: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "expected postgres://user:password@host:port/database")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(logLevels).default("info"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "expected smtp://user:password@host:port or smtps://...")
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^[^\s@]+@[^\s@]+$/, "expected an email address")
    .optional(),
  MAIL_BOUNCES: z
    .string()
    .regex(/^[^\s@+]+@[^\s@]+$/, "expected an email address without a +")
    .optional(),
});

/** The service's settings. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** PGlite's data folder (used when `databaseUrl` is unset). */
  readonly dataDir: string;
  /** A PostgreSQL server; unset means embedded PGlite. */
  readonly databaseUrl: string | undefined;
  readonly poolSize: number;
  readonly logLevel: (typeof logLevels)[number];
  /** Where the outbox's mail goes (with `mailFrom`); unset means mail waits until `selectorate mail send`. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string | undefined;
  /** The bounce mailbox: each message's return path is `local+<outbox id>@domain` (VERP). */
  readonly mailBounces: string | undefined;
}

/**
 * Reads the settings from environment variables. An empty variable counts as unset. A bad value is
 * a one-line message naming the variable, what it holds and what was expected.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
): { ok: true; config: Config } | { ok: false; message: string } {
  const present = Object.fromEntries(
    Object.keys(schema.shape).flatMap((k) => (env[k] !== undefined && env[k] !== "" ? [[k, env[k]]] : [])),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "configuration");
    const shown = name === "DATABASE_URL" || name === "SMTP_URL" ? "(hidden)" : JSON.stringify(present[name]);
    return { ok: false, message: `Configuration error: ${name}=${shown} is not valid: ${issue.message}.` };
  }
  const v = parsed.data;
  return {
    ok: true,
    config: {
      port: v.PORT,
      host: v.HOST,
      dataDir: v.SELECTORATE_DATA,
      databaseUrl: v.DATABASE_URL,
      poolSize: v.DATABASE_POOL_SIZE,
      logLevel: v.LOG_LEVEL,
      smtpUrl: v.SMTP_URL,
      mailFrom: v.MAIL_FROM,
      mailBounces: v.MAIL_BOUNCES,
    },
  };
}
