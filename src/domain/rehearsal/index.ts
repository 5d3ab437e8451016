// The rehearsal's generators: deterministic from a seed, no I/O. They decide what the people of a
// scenario do (who is on the roll, who applies and with what problem, how each voter votes); the
// real services must then find the outcomes.
export * from "./seeded.ts";
export * from "./people.ts";
export * from "./figures.ts";
export * from "./roll.ts";
export * from "./applications.ts";
export * from "./votes.ts";
