// The floor for the voting bench: a bare node:http handler doing one INSERT per request on the same
// engine, so the vote rate can be read as a ratio to what the machine and database allow at all.
import { createServer } from "node:http";
import { unwrap } from "../src/domain/common/result.ts";
import { openStore } from "../src/adapters/storage/store.ts";
import { dbOf } from "../src/adapters/storage/tx.ts";
import { sql } from "kysely";

const store = unwrap(await openStore(JSON.parse(process.argv[2] ?? "{}")));
unwrap(
  await store.transaction(
    async (tx) => (
      await sql`create table if not exists floor_rows (v text not null)`.execute(dbOf(tx)),
      { ok: true as const, value: undefined }
    ),
  ),
);
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += String(c)));
  req.on("end", () => {
    store
      .transaction(async (tx) => {
        await sql`insert into floor_rows (v) values (${body || "x"})`.execute(dbOf(tx));
        return { ok: true as const, value: undefined };
      })
      .then(
        () => res.writeHead(200, { "content-type": "text/plain" }).end("ok"),
        () => res.writeHead(500).end(),
      );
  });
});
server.listen(0, "127.0.0.1", () => {
  const a = server.address();
  console.log(`listening ${typeof a === "object" && a ? a.port : 0}`);
});
