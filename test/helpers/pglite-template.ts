// A migrated, empty PGlite data folder made once and copied for each test file: creating a PGlite
// folder and running every migration costs several seconds (far more on a busy machine), a copy a
// fraction of that. Opening the copy still runs the migrations, so a stale template cannot hide one.
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/adapters/storage/store.ts";
import { messages } from "../../src/messages/en.ts";

const migrations = fileURLToPath(new URL("../../src/adapters/storage/migrations/", import.meta.url));
const root = join(tmpdir(), "selectorate-pglite-templates");

/** The template's name: a hash of every migration file, so editing one makes a new template. */
function key(): string {
  const h = createHash("sha256");
  for (const name of readdirSync(migrations).sort())
    h.update(name).update(readFileSync(join(migrations, name)));
  return h.digest("hex").slice(0, 16);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Copies a migrated empty PGlite folder into `dataDir` (which must not exist yet). */
export async function copyPgliteTemplate(dataDir: string): Promise<void> {
  mkdirSync(root, { recursive: true });
  const template = join(root, key());
  const building = `${template}.building`;
  for (let waited = 0; !existsSync(template); waited += 250) {
    let mine = false;
    try {
      writeFileSync(building, String(process.pid), { flag: "wx" });
      mine = true;
    } catch {
      const holder = Number(readFileSync(building, "utf8") || "0");
      if (holder > 0 && !alive(holder)) rmSync(building, { force: true });
    }
    if (mine) {
      try {
        if (!existsSync(template)) await build(template);
      } finally {
        rmSync(building, { force: true });
      }
      break;
    }
    if (waited > 180_000) throw new Error(`gave up waiting for the PGlite template at ${template}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  cpSync(template, dataDir, { recursive: true });
}

async function build(template: string): Promise<void> {
  const work = `${template}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  const opened = await openStore({ dataDir: work });
  if (!opened.ok) throw new Error(messages([opened.error]));
  await opened.value.close();
  renameSync(work, template); // atomic: other files see no template or a whole one
  // Templates of other migration sets (other branches' checkouts run tests on this machine too) are
  // removed only when a day old: one may be being copied right now.
  const stale = Date.now() - 24 * 3600_000;
  for (const other of readdirSync(root)) {
    const path = join(root, other);
    if (!template.endsWith(other) && !other.includes(".") && statSync(path).mtimeMs < stale)
      rmSync(path, { recursive: true, force: true });
  }
}
