import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

// The messages in what a mail server leaves on disk: one message file (.eml), a maildir (cur/ and
// new/), a folder of message files, or an mbox (messages after "From " lines, mboxrd quoting undone).

/** One message and where it came from, for the report. */
export interface MailboxMessage {
  readonly source: string;
  readonly raw: Buffer;
}

/** Every message in `path`, in a stable order. */
export async function* messagesIn(path: string): AsyncGenerator<MailboxMessage> {
  const s = await stat(path);
  if (s.isDirectory()) {
    const names = await readdir(path);
    const maildir = names.includes("cur") || names.includes("new");
    const folders = maildir
      ? ["cur", "new"].filter((n) => names.includes(n)).map((n) => join(path, n))
      : [path];
    for (const folder of folders)
      for (const name of (await readdir(folder)).sort()) {
        const file = join(folder, name);
        if (name.startsWith(".") || !(await stat(file)).isFile()) continue;
        yield* messagesIn(file);
      }
    return;
  }
  const raw = await readFile(path);
  if (raw.subarray(0, 5).toString("latin1") !== "From ") {
    yield { source: path, raw };
    return;
  }
  yield* splitMbox(path, raw);
}

/** Splits an mbox at its "From " separator lines, undoing the `>From ` quoting of body lines. */
function* splitMbox(path: string, raw: Buffer): Generator<MailboxMessage> {
  const lines = raw.toString("latin1").split("\n");
  let current: string[] | undefined;
  let n = 0;
  const done = (m: string[]) => {
    while (m.length > 0 && m[m.length - 1]!.replace(/\r$/, "") === "") m.pop();
    return { source: `${path} #${++n}`, raw: Buffer.from(m.join("\n") + "\n", "latin1") };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const separator = line.startsWith("From ") && (i === 0 || lines[i - 1]!.replace(/\r$/, "") === "");
    if (separator) {
      if (current && current.length > 0) yield done(current);
      current = [];
    } else current?.push(/^>+From /.test(line) ? line.slice(1) : line);
  }
  if (current && current.length > 0) yield done(current);
}
