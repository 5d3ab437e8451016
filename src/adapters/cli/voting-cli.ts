import type { Store } from "../../ports/store.ts";
import { dbOf } from "../storage/tx.ts";
import { loadCredentialKey } from "../crypto/credential-key.ts";
import { credentialCrypto } from "../crypto/credential-minter.ts";
import type { VotingDeps } from "../../services/voting-deps.ts";

/** The voting services' deps for a CLI command: the credential key from the environment, the real clock. */
export function cliVotingDeps(): VotingDeps {
  return { ...credentialCrypto(loadCredentialKey()), now: () => new Date() };
}

/** An election's id from its slug, or undefined. */
export async function electionIdOf(store: Store, slug: string): Promise<string | undefined> {
  return store.read(
    async (tx) =>
      (await dbOf(tx).selectFrom("elections").select("id").where("slug", "=", slug).executeTakeFirst())?.id,
  );
}
