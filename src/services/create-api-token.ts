import { authorise, isRole, roles, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { sha256 } from "../adapters/crypto/sha256.ts";
import { insertApiToken } from "../adapters/storage/repos/api-tokens.ts";
import { findElectionBySlug } from "../adapters/storage/repos/elections.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";

/** What the new token may do. */
export interface CreateApiTokenRequest {
  readonly role: string;
  /** Limit the token to one election (by slug); unset means every election. */
  readonly election?: string | undefined;
  readonly name?: string | undefined;
  /** Where the request came from, for the audit log (default "cli"). */
  readonly source?: "cli" | "web" | undefined;
}

/** A new token: the secret is shown once and never stored. */
export interface CreatedApiToken {
  readonly id: string;
  readonly token: string;
  readonly role: string;
  readonly election: string | undefined;
}

/** Things the service takes from outside: the clock and 32 cryptographically random bytes. */
export interface CreateApiTokenDeps {
  readonly now: () => Date;
  readonly randomBytes: (size: number) => Uint8Array;
}

/**
 * Creates a staff API token (`Authorization: Bearer <token>`) with one role. Only its SHA-256 is
 * stored: a token is 256 random bits, so a plain hash cannot be guessed back. Audited.
 */
export async function createApiToken(
  store: Store,
  actor: Actor | undefined,
  request: CreateApiTokenRequest,
  deps: CreateApiTokenDeps,
): Promise<Result<CreatedApiToken, Problem>> {
  if (!isRole(request.role) || request.role === "voter")
    return err(
      problem("input.invalid", {
        field: "role",
        value: request.role,
        facts: { reason: `use one of ${roles.filter((r) => r !== "voter").join(", ")}` },
      }),
    );
  const role = request.role;
  const token = `sel_${Buffer.from(deps.randomBytes(32)).toString("base64url")}`;
  return store.transaction(async (tx) => {
    let electionId: string | null = null;
    if (request.election !== undefined) {
      const election = await findElectionBySlug(tx, request.election);
      if (election === undefined)
        return err(problem("not-found", { field: "election", value: request.election }));
      electionId = election.id;
    }
    const allowed = authorise(actor, "token.create", null);
    if (!allowed.ok) return allowed;
    const at = deps.now();
    const name = request.name?.trim() || `${role} token`;
    const id = await insertApiToken(tx, {
      hash: sha256(token),
      name,
      role,
      electionId,
      createdBy: allowed.value.id,
      at,
    });
    await appendAudit(
      tx,
      electionId,
      {
        actor: { id: allowed.value.id, role: allowed.value.role },
        action: "token.create",
        subject: `token:${id}`,
        outcome: "succeeded",
        source: request.source ?? "cli",
        details: { role, name },
      },
      at,
    );
    return ok({ id, token, role, election: request.election });
  });
}
