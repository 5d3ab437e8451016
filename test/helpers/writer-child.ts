// A child process for the storage tests: opens the store named by SELECTORATE_DATA / DATABASE_URL
// and commits one election row per transaction, printing `ack <n>` after each commit returns, until
// killed or WRITER_ROWS rows are written. On a refused open it prints the sentence and exits 2.
import { openStore } from "../../src/adapters/storage/store.ts";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { ok } from "../../src/domain/common/result.ts";
import { messages } from "../../src/messages/en.ts";

const prefix = process.env["WRITER_PREFIX"] ?? "w";
const rows = Number(process.env["WRITER_ROWS"] ?? "1000000");
const opened = await openStore({
  databaseUrl: process.env["DATABASE_URL"] || undefined,
  dataDir: process.env["SELECTORATE_DATA"] ?? "./data",
  poolSize: 2,
});
if (!opened.ok) {
  console.error(messages([opened.error]));
  process.exit(2);
}
const store = opened.value;
console.log("ready");
for (let n = 0; n < rows; n++) {
  await store.transaction(async (tx) =>
    ok(await insertElection(tx, { slug: `${prefix}-${n}`, title: `row ${n}`, definition: { n } })),
  );
  process.stdout.write(`ack ${n}\n`);
}
await store.close();
