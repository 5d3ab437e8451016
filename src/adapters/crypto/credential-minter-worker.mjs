// Starts the credential minter's worker thread: registers tsx in this thread, then loads the TypeScript
// worker. (A worker's own entry file is loaded before --import hooks apply, so it must be plain JavaScript.)
import { register } from "tsx/esm/api";

register();
await import("./credential-minter-worker.ts");
