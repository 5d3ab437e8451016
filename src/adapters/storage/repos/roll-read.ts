import { sql, type RawBuilder } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import type { CalendarDate } from "../../../domain/common/calendar-date.ts";
import { memberNumber, regionId } from "../../../domain/common/ids.ts";
import type { Pence } from "../../../domain/common/money.ts";
import type { EligibilityFacts, MemberStatus, RollEntry } from "../../../domain/electorate/index.ts";
import { dbOf } from "../tx.ts";

// Reading the roll back, a page at a time through a cursor. PGlite holds a query's whole result in its
// WebAssembly memory, which grows to the largest result and never shrinks: one query for 654,006
// members left the process holding hundreds of MiB for good. Pages of PAGE rows keep that small.

/** Rows per page: large enough that round trips cost little, small enough to stay a few MiB. */
const PAGE = 20_000;

// Each row travels as one JSON array in one text column: PGlite's protocol reader copies every field
// into a buffer of its own, so eleven fields a row cost it several times what one does (measured on a
// 50,000-member freeze); JSON.parse gives back the values exactly, dates as YYYY-MM-DD.

/** A roll row: member number, name, email, address lines, postcode, birth, joined, status, arrears, region. */
type RollTuple = [
  string,
  string,
  string | null,
  string[],
  string | null,
  string | null,
  string,
  string,
  number,
  string | null,
];

const rollTuple = sql`json_build_array(r.member_number, r.name, r.email, r.address_lines, r.postcode,
  r.date_of_birth, r.join_date, r.status, r.arrears_pence, r.region)::text as j`;

/** The same text once: dates, statuses and regions repeat across members; one copy of each keeps the heap small. */
function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const had = seen.get(s);
    if (had !== undefined) return had;
    seen.set(s, s);
    return s;
  };
}

let cursors = 0;

/**
 * Runs `query` (one JSON column `j` a row) through a cursor inside the transaction, fetching PAGE rows
 * at a time and handing each row, parsed, to `each`. One plan and one scan: paging by key instead (`where key > last ... limit`) was
 * planned afresh per page and, with no statistics yet on a just-imported roll, rescanned the table.
 */
async function eachRow<R>(tx: Tx, query: RawBuilder<{ j: string }>, each: (row: R) => void): Promise<void> {
  const db = dbOf(tx);
  const cursor = sql.raw(`selectorate_rows_${++cursors}`);
  await sql`declare ${cursor} no scroll cursor for ${query}`.execute(db);
  for (;;) {
    const { rows } = await sql<{ j: string }>`fetch forward ${sql.raw(String(PAGE))} from ${cursor}`.execute(
      db,
    );
    for (const r of rows) each(JSON.parse(r.j) as R);
    if (rows.length < PAGE) break;
  }
  // An error above aborts the transaction, which closes the cursor with it.
  await sql`close ${cursor}`.execute(db);
}

/** A roll row read back as a RollEntry. */
function toEntry(x: RollTuple, same: (s: string) => string): RollEntry {
  return {
    memberNumber: memberNumber(x[0]),
    name: x[1],
    email: x[2],
    addressLines: x[3],
    postcode: x[4],
    dateOfBirth: x[5] === null ? null : (same(x[5]) as CalendarDate),
    joinDate: same(x[6]) as CalendarDate,
    status: same(x[7]) as MemberStatus,
    arrearsPence: x[8] as Pence,
    region: x[9] === null ? null : regionId(same(x[9])),
  };
}

/** The whole roll (or, with `frozenSection`, only that section's frozen electorate), in member-key order. */
export async function loadRoll(tx: Tx, electionId: string, frozenSection?: string): Promise<RollEntry[]> {
  const out: RollEntry[] = [];
  if (frozenSection !== undefined) {
    await eachElectorateEntry(tx, electionId, frozenSection, (e) => out.push(e));
    return out;
  }
  const same = interner();
  await eachRow<RollTuple>(
    tx,
    sql`select ${rollTuple} from roll_entries r
        where r.election_id = ${electionId}::uuid order by r.member_key`,
    (x) => out.push(toEntry(x, same)),
  );
  return out;
}

/** Only the fields eligibility looks at, for every member: what a 654,006-member recompute loads. */
export async function loadEligibilityFacts(tx: Tx, electionId: string): Promise<EligibilityFacts[]> {
  const out: EligibilityFacts[] = [];
  const same = interner();
  await eachRow<[string, string | null, string, string, number]>(
    tx,
    sql`select json_build_array(member_number, date_of_birth, join_date, status, arrears_pence)::text as j
        from roll_entries where election_id = ${electionId}::uuid`,
    (x) =>
      out.push({
        memberNumber: memberNumber(x[0]),
        dateOfBirth: x[1] === null ? null : (same(x[1]) as CalendarDate),
        joinDate: same(x[2]) as CalendarDate,
        status: same(x[3]) as MemberStatus,
        arrearsPence: x[4] as Pence,
      }),
  );
  return out;
}

/** Hands each member of a section's frozen electorate, with their roll entry, to `each` (member-key order). */
export async function eachElectorateEntry(
  tx: Tx,
  electionId: string,
  section: string,
  each: (entry: RollEntry) => void,
): Promise<void> {
  const same = interner();
  await eachRow<RollTuple>(
    tx,
    sql`select ${rollTuple}
        from electorate_members m
        join roll_entries r on r.election_id = m.election_id and r.member_key = m.member_key
        where m.election_id = ${electionId}::uuid and m.section_id = ${section}
        order by m.member_key`,
    (x) => each(toEntry(x, same)),
  );
}
