import { applicationsProblemCodes } from "./applications.ts";
import { ballotsProblemCodes } from "./ballots.ts";
import { commonProblemCodes } from "./common.ts";
import { countingProblemCodes } from "./counting.ts";
import { declarationProblemCodes } from "./declaration.ts";
import { electorateProblemCodes } from "./electorate.ts";
import { nominationsProblemCodes } from "./nominations.ts";
import { recordProblemCodes } from "./record.ts";
import { storageProblemCodes } from "./storage.ts";

/**
 * Every expected failure's stable code. Each room keeps its own list in this folder, so rooms never
 * edit one shared file; a new code also needs a sentence in src/messages/en/<room>.ts (an exhaustive
 * switch, so the build fails without one) and a line in docs/problems.md (a test checks it).
 */
export const allProblemCodes = [
  ...commonProblemCodes,
  ...countingProblemCodes,
  ...storageProblemCodes,
  ...electorateProblemCodes,
  ...applicationsProblemCodes,
  ...nominationsProblemCodes,
  ...ballotsProblemCodes,
  ...declarationProblemCodes,
  ...recordProblemCodes,
] as const;

/** A stable problem code. */
export type ProblemCode = (typeof allProblemCodes)[number];

export type { ApplicationsProblemCode } from "./applications.ts";
export type { BallotsProblemCode } from "./ballots.ts";
export type { CommonProblemCode } from "./common.ts";
export type { CountingProblemCode } from "./counting.ts";
export type { DeclarationProblemCode } from "./declaration.ts";
export type { ElectorateProblemCode } from "./electorate.ts";
export type { NominationsProblemCode } from "./nominations.ts";
export type { RecordProblemCode } from "./record.ts";
export type { StorageProblemCode } from "./storage.ts";
