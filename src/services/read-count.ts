import type { Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { readElectionAs } from "./read-election-as.ts";
import { findDeclaration, type StoredDeclaration } from "../adapters/storage/repos/declaration.ts";

/**
 * The count and its draft declaration before publication (null before the count), for those who
 * oversee it: the returning officer checks it, the scrutineer signs off the hash shown here.
 */
export async function readCount(
  store: Store,
  actor: Actor | undefined,
  slug: string,
): Promise<Result<StoredDeclaration | null, Problem>> {
  return readElectionAs(store, actor, "result.read-unpublished", slug, async (tx, election) => {
    return ok((await findDeclaration(tx, election.id)) ?? null);
  });
}
