import type { Transaction } from "kysely";
import type { Tx } from "../../ports/store.ts";
import type { Database } from "./schema/index.ts";

/** The adapter's side of the opaque `Tx`: the Kysely transaction, usable only while it is open. */
class OpenTx {
  #db: Transaction<Database> | undefined;
  constructor(db: Transaction<Database>) {
    this.#db = db;
  }
  get db(): Transaction<Database> {
    if (this.#db === undefined)
      throw new Error("This transaction has ended; a repository was called with a stale tx.");
    return this.#db;
  }
  end(): void {
    this.#db = undefined;
  }
}

/** Wraps a Kysely transaction as the opaque `Tx` that services pass around. */
export function wrapTx(db: Transaction<Database>): { tx: Tx; end: () => void } {
  const open = new OpenTx(db);
  return { tx: open as unknown as Tx, end: () => open.end() };
}

/** The Kysely transaction inside a `Tx`; for repository functions only. */
export function dbOf(tx: Tx): Transaction<Database> {
  if (!(tx instanceof OpenTx)) throw new Error("dbOf was given something that is not a storage transaction.");
  return tx.db;
}
