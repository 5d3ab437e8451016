import type { ApplicationsTables } from "./applications.ts";
import type { BallotsTables } from "./ballots.ts";
import type { DeclarationTables } from "./declaration.ts";
import type { ElectorateTables } from "./electorate.ts";
import type { FoundationTables } from "./foundation.ts";
import type { MailTables } from "./mail.ts";
import type { NominationsTables } from "./nominations.ts";

/**
 * Every table, as Kysely sees it. Each room keeps its tables in its own file in this folder
 * (`schema/<room>.ts` exporting one interface) and adds it to this intersection with one line.
 */
export type Database = FoundationTables &
  MailTables &
  NominationsTables &
  BallotsTables &
  ApplicationsTables &
  ElectorateTables &
  DeclarationTables;

export type { Instant, Json } from "./foundation.ts";
