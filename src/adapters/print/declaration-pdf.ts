import PDFDocument from "pdfkit";
import type { Declaration, Tally } from "../../domain/declaration/index.ts";

// The declaration as a PDF, for the returning officer to read out and to file: per section and in
// total, every stage with percentages, spoilt ballots, eligible voters, turnout, the regions after the
// privacy check, the notes, the declaration's SHA-256 and who signed it off. A4, Helvetica, black on
// white, tables drawn as text in fixed columns so it prints and photocopies cleanly.

/** What the PDF states besides the declaration itself. */
export interface DeclarationPdfFacts {
  readonly declaration: Declaration;
  readonly declarationHash: string;
  readonly signedOffBy: string | null;
  readonly signedOffAt: Date | null;
  readonly declaredAt: Date | null;
}

const n = (x: number) => x.toLocaleString("en-GB");
const LEFT = 56;
const WIDTH = 483;
const NAME_W = 250;
const VOTES_W = 110;
const PCT_W = 70;

/** Renders the declaration PDF into a buffer (a few pages; small enough to hold in memory). */
export async function declarationPdf(f: DeclarationPdfFacts): Promise<Buffer> {
  const d = f.declaration;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: LEFT, right: 56 },
    lang: "en-GB",
    info: { Title: `${d.title}: declaration of the result`, Author: "Selectorate" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));

  doc.font("Helvetica-Bold").fontSize(18).text(d.title, { width: WIDTH });
  doc.font("Helvetica").fontSize(12).text("Declaration of the result", { width: WIDTH }).moveDown(0.5);
  doc
    .fontSize(10)
    .text(
      `Counted under ${d.rules} (version ${d.rulesVersion})${d.weighting === "college" ? " as a weighted electoral college" : ""}.`,
      { width: WIDTH },
    );
  doc
    .font("Helvetica-Bold")
    .fontSize(12)
    .moveDown(0.5)
    .text(`Elected: ${d.elected.join(", ")}`, { width: WIDTH });
  doc.font("Helvetica").moveDown(0.5);

  tally(doc, d, "In total", d.total);
  if (d.weightedShares)
    d.weightedShares.forEach((shares, i) =>
      doc
        .fontSize(10)
        .text(
          `Weighted shares, stage ${i + 1}: ${d.candidates.map((c, k) => `${c} ${shares[k]}%`).join(", ")}`,
          { width: WIDTH },
        ),
    );
  for (const s of d.sections) {
    tally(doc, d, `${s.label}${s.weight !== null ? ` (weight ${s.weight})` : ""}`, s.tally);
    for (const r of s.regions) tally(doc, d, `${s.label}: ${r.region}`, r.tally, true);
    if (s.regionsWithheld)
      doc.fontSize(9).text(`${s.label}: the breakdown by region is withheld (see the notes).`, LEFT);
  }

  if (d.notes.length > 0) {
    heading(doc, "Notes");
    for (const note of d.notes)
      doc.font("Helvetica").fontSize(10).text(note, LEFT, undefined, { width: WIDTH });
  }
  heading(doc, "Sign-off");
  doc.font("Helvetica").fontSize(10);
  doc.text(
    f.signedOffBy !== null && f.signedOffAt !== null
      ? `Signed off by the scrutineer ${f.signedOffBy} at ${f.signedOffAt.toISOString()}.`
      : "Not yet signed off by the scrutineer.",
    LEFT,
    undefined,
    { width: WIDTH },
  );
  if (f.declaredAt !== null) doc.text(`Declared at ${f.declaredAt.toISOString()}.`, { width: WIDTH });
  doc.text("SHA-256 of the declaration:", { width: WIDTH });
  doc.font("Courier").fontSize(9).text(f.declarationHash, { width: WIDTH });
  doc
    .font("Helvetica")
    .fontSize(9)
    .text(
      "Anyone can check this declaration against the published results archive with `selectorate recount`.",
      { width: WIDTH },
    );
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string): void {
  if (doc.y > 700) doc.addPage();
  doc.moveDown(0.6).font("Helvetica-Bold").fontSize(12).text(text, LEFT, undefined, { width: WIDTH });
  doc.font("Helvetica").fontSize(10);
}

/** One body's figures: a table per stage (candidate, votes, percent), then valid, spoilt, turnout. */
function tally(doc: Doc, d: Declaration, title: string, t: Tally, region = false): void {
  // Keep a short table on one page: start a new page when little room is left.
  if (doc.y > 640) doc.addPage();
  doc
    .moveDown(0.6)
    .font("Helvetica-Bold")
    .fontSize(region ? 11 : 12)
    .text(title, LEFT, undefined, { width: WIDTH });
  t.stages.forEach((s, i) => {
    if (t.stages.length > 1) {
      const out = d.stages[i]?.excluded ?? [];
      row(
        doc,
        [`Stage ${i + 1}${out.length > 0 ? ` (after excluding ${out.join(", ")})` : ""}`, "", ""],
        "Helvetica-Oblique",
      );
    }
    d.candidates.forEach((c, k) => {
      // A candidate excluded at an earlier stage has nothing left to show.
      if (i > 0 && s.votes[k] === 0 && d.stages.slice(0, i + 1).some((x) => x.excluded.includes(c))) return;
      row(doc, [c, n(s.votes[k]!), `${s.percent[k]!}%`], "Helvetica");
    });
    if (s.exhausted > 0) row(doc, ["No further preference", n(s.exhausted), ""], "Helvetica");
  });
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(
      `Valid ballots ${n(t.valid)}; spoilt ${n(t.spoilt)}${t.eligible !== null ? `; eligible voters ${n(t.eligible)}; turnout ${t.turnoutPercent}%` : ""}`,
      LEFT,
      undefined,
      { width: WIDTH },
    );
}

function row(doc: Doc, cells: readonly [string, string, string], font: string): void {
  if (doc.y > 770) doc.addPage();
  const y = doc.y;
  doc.font(font).fontSize(10);
  doc.text(cells[0], LEFT + 10, y, { width: NAME_W, lineBreak: false });
  doc.text(cells[1], LEFT + 10 + NAME_W, y, { width: VOTES_W, align: "right", lineBreak: false });
  doc.text(cells[2], LEFT + 10 + NAME_W + VOTES_W, y, { width: PCT_W, align: "right", lineBreak: false });
  doc.x = LEFT;
  doc.y = y + 14;
}
