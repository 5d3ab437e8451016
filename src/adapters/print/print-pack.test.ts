import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { openPrintPack, type PackEntry } from "./print-pack.ts";

/** Reads a PDF back: its page count, the text shown on it, and how many images it places. */
function readPdf(bytes: Buffer): { pages: number; text: string; images: number } {
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

test("the print pack has one page per voter with name, address, code and a QR code of the link", async () => {
  const dir = await mkdtemp(join(tmpdir(), "pack-"));
  try {
    const file = join(dir, "pack.pdf");
    const entries: PackEntry[] = Array.from({ length: 5 }, (_, i) => ({
      voterId: `M${1000 + i}`,
      name: `Voter Number${i}`,
      addressLines: [`${i} High Street`, "Leeds"],
      postcode: `LS${i} 1AA`,
      code: `ABCDE-FGHJK-${i}MNP`,
      link: `https://vote.example/vote/e/link/${"t".repeat(40)}${i}`,
    }));
    const pack = openPrintPack(file, {
      electionTitle: "Leader 2026",
      votingAddress: "https://vote.example/vote/e",
    });
    await pack.add(entries.slice(0, 3));
    await pack.add(entries.slice(3));
    await pack.end();
    assert.equal((await stat(file)).mode & 0o777, 0o600, "only the owner can read the codes");
    const pdf = readPdf(await readFile(file));
    assert.equal(pdf.pages, 5);
    assert.ok(pdf.images >= 5, `a QR code per page (${pdf.images} images)`);
    for (const e of entries) {
      for (const s of [e.code, e.name, e.addressLines[0]!, e.postcode])
        assert.ok(pdf.text.includes(s), `the text layer holds ${s}`);
    }
    assert.ok(pdf.text.includes("https://vote.example/vote/e"), "the voting address for typing the code");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
