// The declaration room: tallies by section, region and total; turnout; small-cell suppression;
// electoral-college weighting. Pure: the count arrives as a count sheet or a college count.
export * from "./declaration.ts";
export * from "./declare.ts";
export * from "./percent.ts";
export * from "./replay.ts";
export * from "./suppression.ts";
export * from "./regions.ts";
export * from "./transfers.ts";
export * from "./college.ts";
export * from "./archive.ts";
export * from "./recount.ts";
export * from "./first-difference.ts";
export * from "./render.ts";
export * from "./scenario.ts";
