// A server process for the voting tests: opens the store named in argv (JSON EngineConfig), listens on
// loopback and prints `listening <port>`. The kill -9 test starts and kills it.
import { openStore } from "../../src/adapters/storage/store.ts";
import { buildServer } from "../../src/adapters/web/server.ts";

const config = JSON.parse(process.argv[2] ?? "{}");
const opened = await openStore(config);
if (!opened.ok) {
  console.error(JSON.stringify(opened.error));
  process.exit(2);
}
const app = await buildServer({
  store: opened.value,
  logLevel: process.env["LOG_LEVEL"] ?? "silent",
  now: process.env["FIXED_NOW"] ? () => new Date(process.env["FIXED_NOW"]!) : () => new Date(),
});
await app.listen({ host: "127.0.0.1", port: Number(process.env["PORT"] ?? 0) });
const address = app.server.address();
console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
// A plain exit on SIGTERM lets `--cpu-prof` (the bench's BENCH_SERVER_ARGS) write its profile.
process.on("SIGTERM", () => setTimeout(() => process.exit(0), 10));
