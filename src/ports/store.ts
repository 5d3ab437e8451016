import type { Result } from "../domain/common/result.ts";

declare const txBrand: unique symbol;

/**
 * An open transaction. Opaque on purpose: services hand it to repository functions
 * (src/adapters/storage/repos/<room>.ts) and never see a query handle themselves, so nobody can
 * reach past the transaction to the outer connection (which deadlocks PGlite's single connection).
 */
export interface Tx {
  readonly [txBrand]: "Tx";
}

/** How strictly concurrent transactions are kept apart. Most work needs only the default. */
export type Isolation = "read-committed" | "serializable";

/** Options for one transaction. */
export interface TransactionOptions {
  /** `serializable` for the few decisions that read then write a shared total; retried on conflict. */
  readonly isolation?: Isolation;
  /** How many times a serialization failure is retried before it throws (default 5). */
  readonly retries?: number;
}

/** The storage seam every service uses. */
export interface Store {
  /** Which engine is underneath: embedded PGlite or a PostgreSQL server. */
  readonly engine: "pglite" | "postgres";
  /**
   * Runs `work` in one transaction. It commits only if `work` returns Ok; an Err or a throw rolls
   * everything back (the Err is returned, the throw rethrown).
   */
  transaction<T, E>(
    work: (tx: Tx) => Promise<Result<T, E>>,
    options?: TransactionOptions,
  ): Promise<Result<T, E>>;
  /** Runs `work` in a read-only transaction and returns what it returns. */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `work`, which must issue exactly ONE read-only statement, outside an explicit transaction: a
   * single statement is atomic and sees one snapshot on its own, and BEGIN and COMMIT would double
   * or triple the round trips of the hottest reads (the voting pages' credential check).
   */
  readOne<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Closes the connection pool, the embedded database and the data-folder lock. */
  close(): Promise<void>;
}
