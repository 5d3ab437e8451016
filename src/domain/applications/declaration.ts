import { problem, type Problem } from "../common/problem.ts";

/** The declaration an applicant makes, set per election; its exact text is stored with each application. */
export interface DeclarationText {
  /** A version label, so two wordings in one election can be told apart. */
  readonly version: string;
  readonly aimsAndValues: string;
  readonly codeOfConduct: string;
}

/** What the applicant ticked. */
export interface DeclarationAnswer {
  readonly supportsAimsAndValues: boolean;
  readonly acceptsCodeOfConduct: boolean;
}

/** The declaration as recorded with an application: the text shown and what was ticked. */
export interface RecordedDeclaration extends DeclarationText, DeclarationAnswer {}

/** Both boxes must be ticked; each unticked box is its own problem, naming its field. */
export function checkDeclaration(
  text: DeclarationText,
  answer: DeclarationAnswer,
): Problem[] | RecordedDeclaration {
  const problems: Problem[] = [];
  if (!answer.supportsAimsAndValues)
    problems.push(problem("application.declaration-not-accepted", { field: "supportsAimsAndValues" }));
  if (!answer.acceptsCodeOfConduct)
    problems.push(problem("application.declaration-not-accepted", { field: "acceptsCodeOfConduct" }));
  return problems.length > 0 ? problems : { ...text, ...answer };
}
