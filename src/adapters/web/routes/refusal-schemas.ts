import { z } from "zod";

// The JSON shape of a refused request, as replyProblems sends it, for routes' OpenAPI responses.

/** The body of every refusal: the problems, each with its sentence. */
export const problemList = z.object({
  problems: z.array(
    z.object({
      code: z.string(),
      line: z.number().optional(),
      field: z.string().optional(),
      value: z.string().optional(),
      message: z.string(),
    }),
  ),
});

/** The refusal statuses a JSON route may answer with, each carrying a problem list. */
export const refusals = {
  400: problemList,
  401: problemList,
  403: problemList,
  404: problemList,
  409: problemList,
  422: problemList,
};
