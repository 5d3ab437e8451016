import type { Problem } from "../domain/common/problem.ts";
import { applicationsProblemCodes } from "../domain/common/problem-codes/applications.ts";
import { ballotsProblemCodes } from "../domain/common/problem-codes/ballots.ts";
import { countingProblemCodes } from "../domain/common/problem-codes/counting.ts";
import { declarationProblemCodes } from "../domain/common/problem-codes/declaration.ts";
import { electorateProblemCodes } from "../domain/common/problem-codes/electorate.ts";
import { nominationsProblemCodes } from "../domain/common/problem-codes/nominations.ts";
import { recordProblemCodes } from "../domain/common/problem-codes/record.ts";
import { storageProblemCodes } from "../domain/common/problem-codes/storage.ts";
import type * as Codes from "../domain/common/problem-codes/index.ts";
import { applicationsMessage } from "./en/applications.ts";
import { ballotsMessage } from "./en/ballots.ts";
import { commonMessage } from "./en/common.ts";
import { countingMessage } from "./en/counting.ts";
import { declarationMessage } from "./en/declaration.ts";
import { electorateMessage } from "./en/electorate.ts";
import { nominationsMessage } from "./en/nominations.ts";
import { recordMessage } from "./en/record.ts";
import { storageMessage } from "./en/storage.ts";

const has = <C extends string>(list: readonly C[], code: string): code is C =>
  (list as readonly string[]).includes(code);

/** Turns a problem into the English sentence a returning officer reads. */
export function message(p: Problem): string {
  const c = p.code;
  if (has(countingProblemCodes, c)) return countingMessage({ ...p, code: c as Codes.CountingProblemCode });
  if (has(storageProblemCodes, c)) return storageMessage({ ...p, code: c as Codes.StorageProblemCode });
  if (has(electorateProblemCodes, c))
    return electorateMessage({ ...p, code: c as Codes.ElectorateProblemCode });
  if (has(applicationsProblemCodes, c))
    return applicationsMessage({ ...p, code: c as Codes.ApplicationsProblemCode });
  if (has(nominationsProblemCodes, c))
    return nominationsMessage({ ...p, code: c as Codes.NominationsProblemCode });
  if (has(ballotsProblemCodes, c)) return ballotsMessage({ ...p, code: c as Codes.BallotsProblemCode });
  if (has(declarationProblemCodes, c))
    return declarationMessage({ ...p, code: c as Codes.DeclarationProblemCode });
  if (has(recordProblemCodes, c)) return recordMessage({ ...p, code: c as Codes.RecordProblemCode });
  return commonMessage({ ...p, code: c as Codes.CommonProblemCode });
}

/** All of a list's sentences, one per line. */
export function messages(problems: readonly Problem[]): string {
  return problems.map(message).join("\n");
}
