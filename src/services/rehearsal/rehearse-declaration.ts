import type { Problem } from "../../domain/common/problem.ts";
import { ok, type Result } from "../../domain/common/result.ts";
import type { Declaration } from "../../domain/declaration/index.ts";
import { closePoll } from "../close-poll.ts";
import { runCount } from "../run-count.ts";
import { signOffCount } from "../sign-off-count.ts";
import { declareResult } from "../declare-result.ts";
import { publishResults } from "../publish-results.ts";
import { publishedArchiveText } from "../published-archive.ts";
import { actors, days, timed, type RehearsalContext } from "./rehearsal-context.ts";

/** The declaration and the published archive. */
export interface Declared {
  readonly declaration: Declaration;
  readonly archive: string;
  readonly archiveSha256: string;
}

/**
 * From the close of poll to a published declaration: close and seal the poll, count, the scrutineer
 * signs off, the returning officer declares and publishes. Times each step, and the whole as
 * `close to published`.
 */
export async function rehearseDeclaration(
  ctx: RehearsalContext,
  electionId: string,
): Promise<Result<Declared, Problem[]>> {
  const deps = { now: ctx.now, random: ctx.voting.random };
  const published = await timed(
    ctx,
    "close to published",
    async (): Promise<Result<Declaration, Problem[]>> => {
      ctx.at(days.votingCloses, 12);
      const closed = await timed(ctx, "close poll", () =>
        closePoll(ctx.store, ctx.voting, actors.officer, { electionId }, "cli"),
      );
      if (!closed.ok) return closed;
      ctx.at(days.votingCloses, 13);
      const counted = await timed(ctx, "count", () =>
        runCount(ctx.store, deps, actors.officer, { electionId }, "cli"),
      );
      if (!counted.ok) return counted;
      const signed = await timed(ctx, "sign off", () =>
        signOffCount(
          ctx.store,
          deps,
          actors.scrutineer,
          { electionId, declarationHash: counted.value.declarationHash },
          "cli",
        ),
      );
      if (!signed.ok) return signed;
      const declared = await timed(ctx, "declare", () =>
        declareResult(ctx.store, deps, actors.officer, { electionId }, "cli"),
      );
      if (!declared.ok) return declared;
      const published = await timed(ctx, "publish", () =>
        publishResults(ctx.store, deps, actors.officer, { electionId }, "cli"),
      );
      return published.ok ? ok(declared.value) : published;
    },
  );
  if (!published.ok) return published;
  // Published means stored and served; the rehearsal then reads the archive out to write it to disk.
  const archive = await publishedArchiveText(ctx.store, { electionId });
  if (!archive.ok) return archive;
  return ok({
    declaration: published.value,
    archive: archive.value.archive,
    archiveSha256: archive.value.sha256,
  });
}
