import { createHash } from "node:crypto";
import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { calendarDate, normalisePostcode, type RegisterEntry } from "../domain/applications/index.ts";
import { registerImported, saveRegisterExtract } from "../adapters/storage/repos/register-extract.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { readCsvTable } from "../adapters/csv/read-csv-table.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

const columns = [
  "elector_number",
  "forenames",
  "surname",
  "address_line1",
  "postcode",
  "date_of_birth",
  "overseas",
] as const;

/** Reads a register extract CSV; every bad line is named with its column, and any bad line rejects the file. */
export function readRegisterExtract(text: string): Result<RegisterEntry[], Problem[]> {
  const table = readCsvTable(text, columns, "application.register-extract-bad-row");
  if (!table.ok) return table;
  const rows = table.value;
  const problems: Problem[] = [];
  const entries: RegisterEntry[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const bad = (field: string, value: string, reason: string) =>
      problems.push(
        problem("application.register-extract-bad-row", { line, field, value, facts: { reason } }),
      );
    if (r.length !== columns.length)
      return bad("row", r.join(","), `expected ${columns.length} columns, found ${r.length}`);
    const [n, f, s, a, p, d, o] = r.map((v) => v.trim()) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (n === "") bad("elector_number", n, "empty");
    else if (seen.has(n)) bad("elector_number", n, `also on line ${seen.get(n)}`);
    else seen.set(n, line);
    if (f === "") bad("forenames", f, "empty");
    if (s === "") bad("surname", s, "empty");
    if (a === "") bad("address_line1", a, "empty");
    if (!normalisePostcode(p).uk) bad("postcode", p, "not a UK postcode");
    const dob = d === "" ? undefined : calendarDate(d);
    if (d !== "" && !dob) bad("date_of_birth", d, "not a real YYYY-MM-DD date");
    const overseas = o.toUpperCase();
    if (!["Y", "N", ""].includes(overseas)) bad("overseas", o, "expected Y or N");
    entries.push({
      electorNumber: n,
      forenames: f,
      surname: s,
      addressLine1: a,
      postcode: p,
      overseas: overseas === "Y",
      ...(dob ? { dateOfBirth: dob } : {}),
    });
  });
  return problems.length > 0 ? err(problems) : ok(entries);
}

/** Imports an electoral-register extract: all or nothing, and the same file again changes nothing. */
export async function importRegisterExtract(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  ctx: ServiceContext,
  electionId: string,
  text: string,
): Promise<Result<{ rows: number; alreadyImported: boolean }, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "applications.import-register", deps), async () => {
    const allowed = authorise(ctx.actor, "applications.import-register", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const read = readRegisterExtract(text);
    if (!read.ok) return err(read.error);
    const hash = createHash("sha256").update(text, "utf8").digest("hex");
    const now = deps.now();
    return store.transaction<{ rows: number; alreadyImported: boolean }, Problem[]>(async (tx) => {
      if (await registerImported(tx, electionId, hash))
        return ok({ rows: read.value.length, alreadyImported: true });
      await saveRegisterExtract(tx, electionId, hash, read.value, now);
      await appendAudit(
        tx,
        electionId,
        {
          actor: allowed.value,
          action: "applications.import-register",
          outcome: "succeeded",
          source: ctx.source,
          details: { rows: read.value.length, sha256: hash },
        },
        now,
      );
      await appendRecord(
        tx,
        electionId,
        { type: "register-extract-imported", payload: { rows: read.value.length, sha256: hash } },
        now,
      );
      return ok({ rows: read.value.length, alreadyImported: false });
    });
  });
}
