// Composition root: the only file that knows every adapter. `npm start` runs it.
import { loadConfig } from "./config.ts";
import { dataDirHeldElsewhere } from "./adapters/storage/data-dir-lock.ts";
import { messages } from "./messages/en.ts";

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(2);
}
const { config } = loaded;

// Refuse a second process on the same PGlite folder before loading the database and the server.
const held = config.databaseUrl === undefined ? dataDirHeldElsewhere(config.dataDir) : undefined;
if (held) {
  console.error(messages([held]));
  process.exit(2);
}
const { openStore } = await import("./adapters/storage/store.ts");
const { buildServer } = await import("./adapters/web/server.ts");

const opened = await openStore({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: config.poolSize,
});
if (!opened.ok) {
  console.error(messages([opened.error]));
  process.exit(2);
}
const store = opened.value;

const app = await buildServer({ store, logLevel: config.logLevel });
let address: string;
try {
  address = await app.listen({ host: config.host, port: config.port });
} catch (e) {
  console.error(`Could not listen on ${config.host}:${config.port}: ${(e as Error).message}`);
  await store.close();
  process.exit(2);
}

if (store.engine === "pglite") {
  console.log(`Selectorate is running at ${address} (data folder ${store.where}).`);
  console.log(
    "Embedded PGlite survives a process crash, not power loss — use PostgreSQL (DATABASE_URL) for a live election.",
  );
} else {
  console.log(`Selectorate is running at ${address} (PostgreSQL at ${store.where}).`);
}
console.log(`API description: ${address}/api/openapi.json`);

// Mail waits in the outbox (written in each decision's transaction) until a sender delivers it: here,
// while the service runs, when SMTP_URL and MAIL_FROM are set; otherwise `selectorate mail send` does.
let outbox: { stop(): Promise<void> } | undefined;
if (config.smtpUrl !== undefined && config.mailFrom !== undefined) {
  const { createSmtpMailer } = await import("./adapters/mail/smtp-mailer.ts");
  const { createOutboxSender } = await import("./adapters/mail/outbox-sender.ts");
  const mailer = createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom });
  const sender = createOutboxSender({
    store,
    mailer,
    ...(config.mailBounces !== undefined ? { bounceAddress: config.mailBounces } : {}),
    log: (e) => app.log.warn(e, e.msg),
  });
  sender.start();
  outbox = { stop: async () => (await sender.stop(), await mailer.close()) };
  console.log(`Mail from the outbox goes out through SMTP as ${config.mailFrom}.`);
} else {
  console.log(
    "Mail waits in the outbox: set SMTP_URL and MAIL_FROM to send it, or run `selectorate mail send`.",
  );
}

// Scheduled jobs (reminder runs) live in the jobs table; every app process may run them, one claim
// at a time, and a restart resumes a run where its last committed batch ended.
let jobs: { stop(): Promise<void> } | undefined;
{
  const { credentialHasher, loadCredentialKey } = await import("./adapters/crypto/credential-key.ts");
  let key: Buffer | undefined;
  try {
    key = loadCredentialKey();
  } catch {
    console.log(
      "No server key: set SELECTORATE_CREDENTIAL_KEY; until then scheduled reminders wait and no one can sign in to the console.",
    );
  }
  if (key !== undefined) {
    const { createJobRunner } = await import("./adapters/jobs/job-runner.ts");
    const { jobHandlers } = await import("./adapters/jobs/job-handlers.ts");
    const runner = createJobRunner({
      store,
      handlers: jobHandlers(store, { hash: credentialHasher(key), now: () => new Date() }),
      log: (e) => app.log.warn(e, e.msg),
    });
    runner.start();
    jobs = runner;
  }
}

// First run: with no staff account yet, print a one-time link that creates the first administrator.
const { issueFirstAdministratorLink } = await import("./services/set-up-first-administrator.ts");
const { randomBytes } = await import("node:crypto");
const firstRun = await issueFirstAdministratorLink(store, { now: () => new Date(), randomBytes });
if (firstRun) {
  console.log(
    `First run: create the first administrator at ${address}/console/setup/${firstRun.token} (works once, until ${firstRun.expiresAt.toISOString()}).`,
  );
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, "shutting down");
  try {
    await jobs?.stop();
    await outbox?.stop();
    await app.close();
  } finally {
    await store.close();
  }
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
