import type { Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import {
  deliveryByKind,
  mailHistory,
  type KindDelivery,
  type MailHistoryRow,
} from "../adapters/storage/repos/outbox.ts";
import { outboxKinds } from "./mail-templates.ts";
import { readElectionAs } from "./read-election-as.ts";

// The mail page's reads: delivery counts per kind, and one kind's messages one by one. Reminders are
// counts only: their rows would list who had not voted when the run reached them (docs/voting.md).

/** The election, its poll's closing time (for the reminder preview) and delivery per kind. */
export interface MailOverview {
  readonly election: { readonly id: string; readonly slug: string; readonly title: string };
  readonly closes: Date | null;
  /** Every outbox kind, zeros included, in the order an election sends them. */
  readonly delivery: readonly KindDelivery[];
}

/** Reads the mail overview for someone who may read the election's mail. */
export async function readMailOverview(
  store: Store,
  actor: Actor | undefined,
  slug: string,
): Promise<Result<MailOverview, Problem>> {
  return readElectionAs(store, actor, "mail.read", slug, async (tx, election) => {
    const poll = await findPoll(tx, election.id);
    const counts = new Map((await deliveryByKind(tx, election.id)).map((d) => [d.kind, d]));
    const known = outboxKinds.map(
      (kind) => counts.get(kind) ?? { kind, queued: 0, retrying: 0, sent: 0, failed: 0 },
    );
    const other = [...counts.values()].filter((d) => !outboxKinds.includes(d.kind));
    return ok({
      election: { id: election.id, slug: election.slug, title: election.title },
      closes: poll?.window.closes ?? null,
      delivery: [...known, ...other],
    });
  });
}

/** Messages shown per history page. */
export const historyPageSize = 100;

/** One kind's messages, newest first; reminders are refused (counts only). */
export async function readMailHistory(
  store: Store,
  actor: Actor | undefined,
  slug: string,
  kind: string,
  page: number,
): Promise<Result<{ readonly rows: readonly MailHistoryRow[]; readonly page: number }, Problem>> {
  return readElectionAs(store, actor, "mail.read", slug, async (tx, election) => {
    if (!outboxKinds.includes(kind) || kind === "reminder")
      return err(problem("not-found", { field: "kind", value: kind }));
    const p = Math.max(1, Math.min(10_000, Math.floor(page) || 1));
    const rows = await mailHistory(tx, election.id, kind, historyPageSize, (p - 1) * historyPageSize);
    return ok({ rows, page: p });
  });
}
