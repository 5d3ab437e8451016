import { mkdirSync } from "node:fs";
import { after, before } from "node:test";
import { prepare } from "./engines.ts";
import { startSmtpSink, type SmtpSink } from "./smtp-sink.ts";
import { openStore, type OpenedStore } from "../../src/adapters/storage/store.ts";
import { unwrap } from "../../src/domain/common/result.ts";

/** What a browser test file's tests share: one store, and an SMTP sink when the file reads mail. */
export interface BrowserFile {
  readonly store: OpenedStore;
  readonly sink: SmtpSink;
}

/**
 * Registers a browser test file's before/after hooks: a fresh PGlite store (a browser test drives
 * one server, so one engine is enough), an SMTP sink when `smtp` is set, and the screenshot folder
 * when `artifacts` is given. Read `.store` and `.sink` inside the tests, once before() has run.
 */
export function browserFile(options: { smtp?: boolean; artifacts?: URL } = {}): BrowserFile {
  let store: OpenedStore | undefined;
  let sink: SmtpSink | undefined;
  let cleanup: () => Promise<void> = async () => {};
  before(async () => {
    const prepared = await prepare("pglite");
    cleanup = prepared.cleanup;
    store = unwrap(await openStore(prepared.config));
    if (options.smtp) sink = await startSmtpSink();
    if (options.artifacts) mkdirSync(options.artifacts, { recursive: true });
  });
  after(async () => {
    await store?.close();
    await cleanup();
    await sink?.stop();
  });
  return {
    get store() {
      if (!store) throw new Error("the store opens in before(): read it inside a test");
      return store;
    },
    get sink() {
      if (!sink) throw new Error("no SMTP sink: call browserFile({ smtp: true })");
      return sink;
    },
  };
}
