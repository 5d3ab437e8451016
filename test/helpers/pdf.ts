// Reading a PDF written by pdfkit back in tests: its pages, its text layer and its images.
import { inflateSync } from "node:zlib";

/** Reads a PDF back: its page count, the text shown on it, and how many images it places. */
export function readPdf(bytes: Buffer): { pages: number; text: string; images: number } {
  const raw = bytes.toString("latin1");
  const pages = Number(/\/Type \/Pages[^>]*\/Count (\d+)/.exec(raw)?.[1] ?? "0");
  let text = "";
  let images = 0;
  const streams = /(?<!end)stream\r?\n/g;
  for (let m = streams.exec(raw); m !== null; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    const dict = raw.slice(raw.lastIndexOf(" obj", m.index), m.index);
    if (/\/Subtype \/Image/.test(dict)) images++;
    let body = bytes.subarray(start, end);
    if (/FlateDecode/.test(dict) && !/\/Subtype \/Image/.test(dict)) body = inflateSync(body);
    const content = body.toString("latin1");
    // pdfkit writes text as hex strings in TJ arrays.
    for (const tj of content.matchAll(/\[([^\]]*)\] TJ/g))
      for (const hex of tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g))
        text += Buffer.from(hex[1]!, "hex").toString("latin1");
    text += "\n";
  }
  return { pages, text, images: images };
}
