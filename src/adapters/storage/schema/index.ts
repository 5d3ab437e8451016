import type { BallotsTables } from "./ballots.ts";
import type { FoundationTables } from "./foundation.ts";

/**
 * Every table, as Kysely sees it. Each room keeps its tables in its own file in this folder
 * (`schema/<room>.ts` exporting one interface) and adds it to this intersection with one line.
 */
export type Database = FoundationTables & BallotsTables;

export type { Instant, Json } from "./foundation.ts";
