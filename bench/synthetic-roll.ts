// A seeded synthetic membership roll in the example's CSV shape (examples/labour-2016/roll.csv), for
// the import bench. About 130,000 of 654,006 joined after the 2016 freeze date, as reported.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

// The same seeded generator (mulberry32) as the rehearsal: the same seed gives the same file on every machine.
import { seeded } from "../src/domain/rehearsal/index.ts";

const FIRST = [
  "Ann",
  "Bob",
  "Cath",
  "Dev",
  "Eve",
  "Fay",
  "Gus",
  "Hal",
  "Ida",
  "Jo",
  "Kim",
  "Lee",
  "Max",
  "Ned",
  "Ola",
  "Pat",
];
const LAST = [
  "Abbott",
  "Baker",
  "Carter",
  "Dhillon",
  "Evans",
  "Fox",
  "Green",
  "Hughes",
  "Irwin",
  "Jones",
  "Khan",
  "Lowe",
];
const REGIONS: [string, string][] = [
  ["London", "SW1A"],
  ["North West", "M1"],
  ["Scotland", "G1"],
  ["Wales", "CF10"],
  ["Yorkshire and the Humber", "LS1"],
];

const HEADER =
  "Membership Number,First Name,Surname,Email,Address 1,Address 2,Town,Postcode,DOB,Join Date,Status,Arrears (GBP),Region\n";

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** Writes `rows` members to `path`; returns the byte count. */
export async function writeSyntheticRoll(path: string, rows: number, seed = 2016): Promise<number> {
  const rand = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = HEADER;
  for (let i = 1; i <= rows; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const [region, outward] = pick(REGIONS);
    // 20% joined after 12 January 2016 (about 130,000 of 654,006), the rest between 1970 and the freeze.
    const late = rand() < 0.2;
    const joinYear = late ? 2016 : 1970 + Math.floor(rand() * 46);
    const joinMonth = late ? 2 + Math.floor(rand() * 6) : 1 + Math.floor(rand() * 12);
    const joinDay = 1 + Math.floor(rand() * 28);
    const join =
      rand() < 0.5
        ? `${joinYear}-${pad(joinMonth)}-${pad(joinDay)}`
        : `${pad(joinDay)}/${pad(joinMonth)}/${joinYear}`;
    const dob =
      rand() < 0.1
        ? ""
        : `${pad(1 + Math.floor(rand() * 28))}/${pad(1 + Math.floor(rand() * 12))}/${1930 + Math.floor(rand() * 70)}`;
    const status = rand() < 0.03 ? "Lapsed" : rand() < 0.01 ? "Suspended" : "Active";
    const arrears = rand() < 0.02 ? `${1 + Math.floor(rand() * 30)}.50` : "0";
    const email = rand() < 0.05 ? "" : `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.org`;
    const n = `L${pad(i, 7)}`;
    chunk += `${n},${first},${last},${email},"${i} ${pick(["High Street", "Mill Road", "Church Walk"])}",,${region === "London" ? "London" : "Town"},${outward} ${1 + (i % 9)}AA,${dob},${join},${status},${arrears},${region}\n`;
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, "finish");
  return bytes;
}

/** The CSV's columns, for a raw COPY baseline table of the same shape. */
export const ROLL_CSV_COLUMNS = HEADER.trim().split(",");
