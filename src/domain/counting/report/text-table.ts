import type { CountSheet } from "../count-sheet.ts";
import { addDecimals } from "./decimal-sum.ts";
import {
  describeStage,
  describeTieMethod,
  describeTiePurpose,
  nameOf,
  standing,
  type ReportContext,
} from "./names.ts";

/** Stages shown side by side in one block of the table; more go into further blocks below. */
const STAGES_PER_BLOCK = 4;

/** Pads cells into aligned columns: the first column left-aligned, the rest right-aligned. */
function layout(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - [...cell].length);
        return i === 0 ? cell + pad : pad + cell;
      })
      .join("  ")
      .trimEnd(),
  );
}

/** Renders a count sheet as a text table for a person: stages as columns, candidates as rows. */
export function renderText(sheet: CountSheet, context: ReportContext = {}): string {
  const out: string[] = [];
  const shown = standing(sheet, context);
  out.push(sheet.title === "" ? "Count" : sheet.title);
  out.push(`Rules: ${sheet.rules} (version ${sheet.rulesVersion})${optionsText(context)}`);
  out.push(
    `Seats: ${sheet.seats}   Ballots: ${sheet.ballotCount}   Valid poll: ${sheet.validPoll}   Quota: ${sheet.quota ?? "none"}`,
  );
  out.push(`Seed for lots: ${sheet.seed}`);
  if ((context.withdrawn ?? []).length > 0) {
    out.push(`Withdrawn: ${(context.withdrawn ?? []).map((c) => nameOf(sheet, c)).join(", ")}`);
  }
  out.push("");
  out.push("Stages:");
  for (const s of sheet.stages) out.push(`  ${s.stage}. ${s.note || capital(describeStage(sheet, s))}`);

  const electedAt = new Map<number, number>();
  const excludedAt = new Map<number, number>();
  for (const s of sheet.stages) {
    for (const c of s.elected) electedAt.set(c, s.stage);
    for (const c of s.excluded) excludedAt.set(c, s.stage);
  }
  const status = (c: number): string => {
    const e = electedAt.get(c);
    if (e !== undefined) return `ELECTED (stage ${e})`;
    const x = excludedAt.get(c);
    return x !== undefined ? `excluded (stage ${x})` : "";
  };

  for (let from = 0; from < sheet.stages.length; from += STAGES_PER_BLOCK) {
    const block = sheet.stages.slice(from, from + STAGES_PER_BLOCK);
    const head1 = ["Candidate"];
    const head2 = [""];
    for (const s of block) {
      if (s.stage !== 1) {
        head1.push(`Stage ${s.stage}`);
        head2.push("transfer");
      }
      head1.push(s.stage === 1 ? `Stage ${s.stage}` : "");
      head2.push("total");
    }
    const last = from + STAGES_PER_BLOCK >= sheet.stages.length;
    if (last) {
      head1.push("Result");
      head2.push("");
    }
    const rows: string[][] = [head1, head2];
    const figures = (pick: (s: (typeof block)[number]) => [string, string]): string[] =>
      block.flatMap((s) => {
        const [transfer, total] = pick(s);
        return s.stage === 1 ? [total] : [transfer, total];
      });
    for (const c of shown) {
      const mark = (s: (typeof block)[number]): string =>
        s.elected.includes(c) ? " *" : s.excluded.includes(c) ? " x" : "  ";
      const row = [
        nameOf(sheet, c),
        ...figures((s) => [signed(s.transfers[c] ?? ""), (s.votes[c] ?? "") + mark(s)]),
      ];
      if (last) row.push(status(c));
      rows.push(row);
    }
    const ntPrevious = (s: (typeof block)[number]): string =>
      sheet.stages[s.stage - 2]?.nonTransferable ?? s.nonTransferable;
    rows.push([
      "Non-transferable",
      ...figures((s) => [
        signed(addDecimals([s.nonTransferable, negate(ntPrevious(s))])),
        s.nonTransferable + "  ",
      ]),
    ]);
    if (sheet.stages.some((s) => !isZero(s.lostToRounding))) {
      rows.push(["Lost to rounding", ...figures((s) => ["", s.lostToRounding + "  "])]);
    }
    rows.push([
      "Total",
      ...figures((s) => [
        "",
        addDecimals([...shown.map((c) => s.votes[c] ?? ""), s.nonTransferable, s.lostToRounding]) + "  ",
      ]),
    ]);
    if (block.some((s) => s.quota !== null && s.quota !== sheet.quota)) {
      rows.push(["Quota", ...figures((s) => ["", (s.quota ?? "") + "  "])]);
    }
    out.push("");
    out.push(...layout(rows));
  }
  out.push("");
  out.push("* elected at this stage   x excluded at this stage");
  out.push(`Elected: ${sheet.elected.map((c) => nameOf(sheet, c)).join(", ") || "nobody"}`);

  const ties = sheet.stages.flatMap((s) => s.ties.map((t) => ({ stage: s.stage, ...t })));
  out.push("");
  if (ties.length === 0) out.push("Ties: none.");
  else {
    out.push("Ties:");
    for (const t of ties) {
      out.push(
        `  Stage ${t.stage}: ${t.between.map((c) => nameOf(sheet, c)).join(", ")} tied on ${describeTiePurpose(t.purpose)}; ` +
          `broken ${describeTieMethod(t.method)}${t.method === "lot" ? ` (seed ${sheet.seed})` : ""}: ${nameOf(sheet, t.chosen)} chosen.`,
      );
    }
  }
  return out.join("\n") + "\n";
}

function optionsText(context: ReportContext): string {
  const options = context.rulesOptions;
  return options && Object.keys(options).length > 0 ? `, options ${JSON.stringify(options)}` : "";
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isZero(value: string): boolean {
  return /^[-+]?0*(\.0*)?$/.test(value);
}

function negate(value: string): string {
  return value.startsWith("-") ? value.slice(1) : "-" + value;
}

/** A transfer with its sign: "+12.34000", "-379.00000", and blank for none. */
function signed(value: string): string {
  if (value === "" || isZero(value)) return "";
  return value.startsWith("-") || value.startsWith("+") ? value : "+" + value;
}
