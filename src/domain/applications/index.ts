// The applications room's public face: other rooms import from here, never from the files behind it.
export * from "./affiliated.ts";
export * from "./already-eligible.ts";
export * from "./calendar-date.ts";
export * from "./decision.ts";
export * from "./declaration.ts";
export * from "./duplicates.ts";
export * from "./figures.ts";
export * from "./identity.ts";
export * from "./ids.ts";
export * from "./payments.ts";
export * from "./register-check.ts";
export * from "./submission.ts";
