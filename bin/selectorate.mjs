#!/usr/bin/env node
// Entry for `npx selectorate`: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

register();
process.env.SELECTORATE_CLI = "1";
await import("../src/adapters/cli/main.ts");
