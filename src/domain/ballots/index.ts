// The ballots room: the ballot paper's validation, credentials and their lifecycle, the mixer's
// decision and the close-of-poll reconciliation. Pure: randomness, hashing and the clock arrive as arguments.
export * from "./ballot-paper.ts";
export * from "./ranking-validity.ts";
export * from "./ballot-for-casting.ts";
export * from "./crockford.ts";
export * from "./voter-code.ts";
export * from "./issue-credential.ts";
export * from "./poll-window.ts";
export * from "./credential-lifecycle.ts";
export * from "./randomness.ts";
export * from "./mixer.ts";
export * from "./guess-limit.ts";
export * from "./reconcile.ts";
