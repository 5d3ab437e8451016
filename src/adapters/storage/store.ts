import { AsyncLocalStorage } from "node:async_hooks";
import type { Kysely, Transaction } from "kysely";
import type { Problem } from "../../domain/common/problem.ts";
import { ok, type Result } from "../../domain/common/result.ts";
import type { Store, TransactionOptions, Tx } from "../../ports/store.ts";
import { openEngine, type Engine, type EngineConfig } from "./engine.ts";
import { migrateToLatest } from "./migrator.ts";
import type { Database } from "./schema/index.ts";
import { wrapTx } from "./tx.ts";

export type { Tx } from "../../ports/store.ts";
export { dbOf } from "./tx.ts";

/** Thrown inside Kysely's transaction to roll back when the work returned an Err; never escapes. */
class RollbackSignal {
  constructor(readonly result: Result<never, unknown>) {}
}

/** PostgreSQL's codes for "try the transaction again": serialization failure and deadlock. */
const retryable = new Set(["40001", "40P01"]);

/** An opened store plus what operators are told about it. */
export interface OpenedStore extends Store {
  /** The data folder (PGlite) or the server address without password (PostgreSQL). */
  readonly where: string;
}

/**
 * Opens the store: the engine (taking the data-folder lock on PGlite), then every migration.
 * A locked folder or an unreachable server is a Problem; a failed migration throws.
 */
export async function openStore(config: EngineConfig): Promise<Result<OpenedStore, Problem>> {
  const engine = await openEngine(config);
  if (!engine.ok) return engine;
  try {
    await migrateToLatest(engine.value.db as Kysely<unknown>);
  } catch (e) {
    await engine.value.close();
    throw e;
  }
  return ok(storeOver(engine.value));
}

function storeOver(engine: Engine): OpenedStore {
  const db: Kysely<Database> = engine.db;
  // Marks the async context of a running transaction, so a nested store call is caught at once:
  // on PGlite's single connection it would wait forever for the connection its caller holds.
  const inside = new AsyncLocalStorage<true>();
  let closed = false;

  const guard = (what: string): void => {
    if (closed) throw new Error(`store.${what} called after the store was closed.`);
    if (inside.getStore())
      throw new Error(
        `store.${what} called inside another transaction: pass the transaction's tx to repositories instead.`,
      );
  };

  async function attempt<T, E>(
    work: (tx: Tx) => Promise<Result<T, E>>,
    options: TransactionOptions,
  ): Promise<Result<T, E>> {
    let builder = db.transaction();
    if (options.isolation === "serializable") builder = builder.setIsolationLevel("serializable");
    try {
      return await builder.execute((trx) =>
        inside.run(true, async () => {
          const { tx, end } = wrapTx(trx);
          try {
            const result = await work(tx);
            if (!result.ok) throw new RollbackSignal(result);
            return result;
          } finally {
            end();
          }
        }),
      );
    } catch (e) {
      if (e instanceof RollbackSignal) return e.result as Result<T, E>;
      throw e;
    }
  }

  return {
    engine: engine.kind,
    where: engine.where,
    async transaction<T, E>(work: (tx: Tx) => Promise<Result<T, E>>, options: TransactionOptions = {}) {
      guard("transaction");
      const retries = options.retries ?? 5;
      for (let round = 0; ; round++) {
        try {
          return await attempt(work, options);
        } catch (e) {
          const code = (e as { code?: unknown }).code;
          if (round >= retries || typeof code !== "string" || !retryable.has(code)) throw e;
          await new Promise((r) => setTimeout(r, 5 * 2 ** round + Math.random() * 10));
        }
      }
    },
    async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      guard("read");
      return db
        .transaction()
        .setAccessMode("read only")
        .execute((trx) =>
          inside.run(true, async () => {
            const { tx, end } = wrapTx(trx);
            try {
              return await work(tx);
            } finally {
              end();
            }
          }),
        );
    },
    async readOne<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      guard("readOne");
      // Kysely's plain handle runs each query on a pooled connection in autocommit; repositories
      // take it as a transaction's (the query API is the same), and `work` issues one statement.
      return inside.run(true, async () => {
        const { tx, end } = wrapTx(db as unknown as Transaction<Database>);
        try {
          return await work(tx);
        } finally {
          end();
        }
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await engine.close();
    },
  };
}
