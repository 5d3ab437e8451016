// The vetting room's public face. The ballots room reads `challengeState` and `heldBallotFate` from here.
export * from "./appeal.ts";
export * from "./challenge.ts";
export * from "./decide-case.ts";
export * from "./ids.ts";
export * from "./panel.ts";
export * from "./reasons.ts";
export * from "./vetting-case.ts";
