import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPrintPack, type PackEntry } from "./print-pack.ts";
import { readPdf } from "../../../test/helpers/pdf.ts";

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
