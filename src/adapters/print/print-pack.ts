import { createWriteStream } from "node:fs";
import { once } from "node:events";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";

// The postal print pack for a mail house: one A4 page per voter with the name and address placed for
// a C5/DL window envelope, the voting code in large type and a QR code of the one-click link. Written
// while the credentials are issued (the codes exist only then), to a temporary file the caller renames
// once the issue has committed.

/** One voter's page. */
export interface PackEntry {
  readonly voterId: string;
  readonly name: string;
  readonly addressLines: readonly string[];
  readonly postcode: string;
  readonly code: string;
  readonly link: string;
}

/** An open PDF being written page by page. */
export interface PrintPackWriter {
  add(entries: readonly PackEntry[]): Promise<void>;
  /** Finishes the file; resolves once it is on disk. */
  end(): Promise<void>;
}

/** Opens a print-pack PDF at `file` (mode 0600: it holds every code). */
export function openPrintPack(
  file: string,
  o: { electionTitle: string; votingAddress: string },
): PrintPackWriter {
  const doc = new PDFDocument({
    size: "A4",
    autoFirstPage: false,
    lang: "en-GB",
    info: { Title: `${o.electionTitle}: postal ballot pack`, Author: "Selectorate" },
  });
  const out = createWriteStream(file, { mode: 0o600 });
  doc.pipe(out);
  return {
    async add(entries) {
      for (const e of entries) {
        // A QR PNG at error-correction level M: readable when printed at 35 mm on ordinary paper.
        const png = await QRCode.toBuffer(e.link, { errorCorrectionLevel: "M", margin: 1, width: 300 });
        doc.addPage({ margins: { top: 56, bottom: 28, left: 56, right: 56 } });
        // The address block sits where a left-window DL/C5 envelope shows it (about 20 mm in, 50 mm down).
        doc.font("Helvetica").fontSize(11);
        doc.text([e.name, ...e.addressLines, e.postcode].filter(Boolean).join("\n"), 57, 142, { width: 250 });
        doc.font("Helvetica-Bold").fontSize(16).text(o.electionTitle, 56, 300, { width: 483 });
        doc.font("Helvetica").fontSize(11).moveDown(0.5);
        doc.text("Your voting code (it is yours alone; keep it private):", { width: 483 });
        doc.font("Courier-Bold").fontSize(24).text(e.code, { width: 483 });
        doc.font("Helvetica").fontSize(11).moveDown(0.5);
        doc.text(
          `To vote online, scan the QR code with your phone, or go to ${o.votingAddress} and enter the code. ` +
            "Or mark the enclosed ballot paper and return it in the envelope provided. Only your first vote counts.",
          { width: 300 },
        );
        doc.image(png, 400, 420, { width: 110 });
        doc
          .font("Helvetica")
          .fontSize(7)
          .fillColor("#555")
          .text(`Ref ${e.voterId}`, 56, 770, { lineBreak: false })
          .fillColor("black");
      }
      // Let the file stream drain between batches so a 654,006-page pack does not sit in memory.
      if (out.writableNeedDrain) await once(out, "drain");
    },
    async end() {
      doc.end();
      await once(out, "close");
    },
  };
}
