/**
 * ERS97: the Electoral Reform Society's STV rules, "How to conduct an election by the Single
 * Transferable Vote", 3rd edition (1997), sections 4 to 6. Source text used: the rules as
 * reproduced in OpenSTV's ERS97 method help (OpenTechStrategies/openstv,
 * openstv/MethodPlugins/ERS97STV.py) and at opavote.com/methods/ers97-stv-rules; read for the
 * rules only. The unit tests are hand-worked from that text (no published worked example was
 * reachable here).
 *
 * - 5.1.6 quota: total valid vote ÷ (places + 1) to two decimal places; if not exact, the remainder
 *   is ignored and 0.01 added. 5.4.8: while nobody has been deemed elected, the quota is worked
 *   again after each batch of an exclusion, leaving out the non-transferable vote.
 * - 5.1.7, 5.3.13, 5.4.9 deem elected, highest first, anyone whose vote reaches the quota or the
 *   total active vote ÷ (places not yet filled + 1) if that is lower (worked like the quota: two
 *   places, raised by 0.01 when not exact); 5.6.2: candidates equal on votes with too few places
 *   left are taken by the earliest point at which they differed, and if never, none is elected then.
 * - 5.2.2 a surplus is deferred while all the surpluses together could not change who is excluded
 *   next: no more than the gap between the two lowest, or between the lowest that could be excluded
 *   together and the candidate next above.
 * - 5.2.3, 5.3 the largest surplus is transferred; only the last batch of papers the candidate
 *   received (all first preferences if elected at the first stage); transfer value = surplus ÷
 *   transferable papers, two places, remainder ignored, unless those papers are worth no more than
 *   the surplus, when they keep their value; the difference is non-transferable.
 * - 5.2.5 exclusion: as many lowest candidates together as possible, leaving enough for the places,
 *   whose votes plus any deferred surplus do not exceed the vote of the candidate next above;
 *   otherwise the lowest alone.
 * - 5.4 an excluded candidate's papers move in batches, highest value first; after each batch
 *   candidates may be deemed elected and receive no more papers.
 * - 5.5.1, 5.5.2 the count ends when the places are filled or an exclusion would leave only as many
 *   continuing candidates as places, who are then deemed elected.
 * - ties (5.2.3, 5.2.5): the votes at the first stage or the earliest later point, after the
 *   transfer of a batch, at which the candidates differed; otherwise by lot.
 */
import { err, ok, type Result } from "../../../common/result.ts";
import type { Problem } from "../../../common/problem.ts";
import type { BallotGroup, Contest, CountOptions } from "../../contest.ts";
import type { CountSheet } from "../../count-sheet.ts";
import type { RuleSet } from "../../rule-set.ts";
import { checkContest } from "../../checks.ts";
import { chooseArithmetic } from "../../arithmetic-options.ts";
import { GregoryCount } from "../engine.ts";

const id = "ers97";

function countErs97(
  contest: Contest,
  ballots: readonly BallotGroup[],
  options: CountOptions,
): Result<CountSheet, Problem[]> {
  const problems = checkContest(contest, ballots, id);
  if (problems.length > 0) return err(problems);
  const arithmetic = chooseArithmetic(options, { arithmetic: "fixed", precision: 2, kinds: ["fixed"] });
  if (!arithmetic.ok) return arithmetic;
  const ar = arithmetic.value;
  const seats = contest.seats;
  const e = new GregoryCount(contest, ballots, options, {
    rules: id,
    rulesVersion: "1",
    arithmetic: ar,
    earlierStages: "earliest",
  });
  type T = (typeof e.votes)[number];

  /** a ÷ n to the arithmetic's places; "if not exact, ignore the remainder and add 0.01" (5.1.6). */
  const divideUp = (a: T, n: number): T => {
    const q = ar.divInt(a, BigInt(n));
    return ar.cmp(ar.mulInt(q, BigInt(n)), a) < 0 ? ar.add(q, ar.epsilon) : q;
  };
  const valid = ar.int(e.validPoll);
  let quota = divideUp(valid, seats + 1);
  e.quota = quota;
  const lastBatch: (readonly number[])[] = Array.from({ length: e.n }, () => []);

  /** Total active vote (6.20, 5.6.1): valid vote less the quotas (or votes, if less) of those elected, less the non-transferable vote. */
  const activeVote = (): T => {
    let v = ar.sub(valid, e.nonTransferable);
    for (const c of e.elected) {
      const votes = e.votes[c]!;
      v = ar.sub(v, ar.cmp(votes, quota) < 0 ? votes : quota);
    }
    return v;
  };

  /** 5.1.7 / 5.3.13 / 5.4.9 with 5.6.2. */
  const deemElected = (): void => {
    for (;;) {
      const left = seats - e.elected.length;
      const continuing = e.hopeful();
      if (left <= 0 || continuing.length === 0) return;
      const alternative = divideUp(activeVote(), left + 1);
      const needed = ar.cmp(alternative, quota) < 0 ? alternative : quota;
      const top = e.extremes(continuing, "highest");
      const v = e.votes[top[0]!]!;
      if (ar.cmp(v, needed) < 0 || ar.cmp(v, ar.zero) <= 0) return;
      if (top.length <= left) {
        for (const c of top) e.elect(c, ar.cmp(v, quota) > 0);
        continue;
      }
      let pool = top;
      for (let k = 0; k < left; k++) {
        const c = e.tieByEarlierStages(pool, "highest", "election");
        if (c < 0) return; // equal at every point: none of them is deemed elected at this stage
        e.elect(c, ar.cmp(v, quota) > 0);
        pool = pool.filter((x) => x !== c);
      }
    }
  };

  /** Moves the parcels on, each at the value `weight` gives it; notes each recipient's new batch. */
  const moveBatch = (groups: readonly number[], weight: (g: number) => T): void => {
    const received = new Map<number, number[]>();
    for (const g of groups) {
      const to = e.moveGroup(g, weight(g));
      if (to >= 0) {
        const list = received.get(to);
        if (list) list.push(g);
        else received.set(to, [g]);
      }
    }
    for (const [c, list] of received) lastBatch[c] = list;
  };

  const surplusOf = (c: number): T => ar.sub(e.votes[c]!, quota);

  /** 5.2.2: whether the surpluses wait, because excluding the lowest comes first whatever they would do. */
  const deferred = (total: T): boolean => {
    const continuing = [...e.hopeful()].sort((a, b) => ar.cmp(e.votes[a]!, e.votes[b]!) || a - b);
    const left = seats - e.elected.length;
    if (continuing.length - 1 < left || continuing.length < 2) return false;
    const v = (i: number): T => e.votes[continuing[i]!]!;
    if (ar.cmp(total, ar.sub(v(1), v(0))) <= 0) return true;
    return bulkSize(continuing, left, total) >= 2;
  };

  /** 5.2.5: the most lowest candidates that can go together (0 if fewer than two can). */
  const bulkSize = (ascending: readonly number[], left: number, surplus: T): number => {
    let best = 0;
    let sum = ar.zero;
    for (let k = 1; k < ascending.length; k++) {
      sum = ar.add(sum, e.votes[ascending[k - 1]!]!);
      if (ascending.length - k < left) break;
      const next = e.votes[ascending[k]!]!;
      const last = e.votes[ascending[k - 1]!]!;
      // Never split candidates with equal votes; the set's votes and deferred surpluses must not exceed the next.
      if (k >= 2 && ar.cmp(last, next) < 0 && ar.cmp(ar.add(sum, surplus), next) <= 0) best = k;
    }
    return best;
  };

  e.firstPreferences();
  for (let c = 0; c < e.n; c++) lastBatch[c] = [...e.pileOf(c)];
  deemElected();
  e.recordStage("first-preferences", null, `First preferences counted; the quota is ${ar.format(quota)}.`);

  for (;;) {
    const left = seats - e.elected.length;
    if (left <= 0) break; // 5.5.2
    const continuing = e.hopeful();
    if (continuing.length <= left) {
      // 4.3: as many continuing candidates as places left.
      for (const c of e.byVotesDescending(continuing)) e.elect(c, false);
      break;
    }
    const withSurplus = e.pendingList().filter((c) => ar.cmp(surplusOf(c), ar.zero) > 0);
    let totalSurplus = ar.zero;
    for (const c of withSurplus) totalSurplus = ar.add(totalSurplus, surplusOf(c));

    if (withSurplus.length > 0 && !deferred(totalSurplus)) {
      // 5.2.3 and 5.3: the largest surplus, from the last batch received.
      const c = e.tie(e.extremes(withSurplus, "highest"), "highest", "surplus-order");
      const surplus = surplusOf(c);
      const transferable = lastBatch[c]!.filter((g) => e.peekNext(g) >= 0);
      let worth = ar.zero;
      let papers = 0n;
      for (const g of transferable) {
        worth = ar.add(worth, e.valueOf(g));
        papers += e.papersOf(g);
      }
      const value = ar.cmp(worth, surplus) > 0 ? ar.divInt(surplus, papers) : undefined;
      e.pending[c] = false;
      moveBatch(transferable, (g) => value ?? e.weightOf(g));
      let credited = ar.zero;
      for (const g of transferable) credited = ar.add(credited, e.valueOf(g));
      e.addNonTransferable(ar.sub(surplus, credited)); // 6.11: the non-transferable difference
      e.setVotes(c, quota);
      e.markPoint();
      deemElected();
      const tv = value === undefined ? "at their present value" : `at ${ar.format(value)} each`;
      e.recordStage("surplus", c, `Surplus of ${e.name(c)} (${ar.format(surplus)}) transferred ${tv}.`);
      continue;
    }

    // 5.2.5: exclusion, in bulk where possible.
    const ascending = [...continuing].sort((a, b) => ar.cmp(e.votes[a]!, e.votes[b]!) || a - b);
    const bulk = bulkSize(ascending, left, withSurplus.length > 0 ? totalSurplus : ar.zero);
    const excluded =
      bulk >= 2 ? ascending.slice(0, bulk) : [e.tie(e.extremes(continuing, "lowest"), "lowest", "exclusion")];
    for (const c of excluded) e.exclude(c);
    if (e.hopeful().length <= left) {
      // 5.5.1: the exclusion would leave only as many continuing candidates as places.
      for (const c of e.byVotesDescending(e.hopeful())) e.elect(c, false);
      break;
    }
    // 5.4: the papers move in batches, highest value first.
    const owner = new Map<number, number>();
    const papers = excluded.flatMap((c) => {
      const pile = e.releasePile(c);
      for (const g of pile) owner.set(g, c);
      return pile;
    });
    const byValue = new Map<string, number[]>();
    for (const g of papers) {
      const key = ar.format(e.weightOf(g));
      const list = byValue.get(key);
      if (list) list.push(g);
      else byValue.set(key, [g]);
    }
    const batches = [...byValue.values()]
      .map((gs) => gs.sort((a, b) => a - b))
      .sort((a, b) => ar.cmp(e.weightOf(b[0]!), e.weightOf(a[0]!)));
    const remaining = new Map<number, T>(excluded.map((c) => [c, e.votes[c]!]));
    for (const batch of batches) {
      if (e.elected.length >= seats) break; // 5.5.2: no further transfers
      moveBatch(batch, (g) => e.weightOf(g));
      for (const g of batch) {
        const c = owner.get(g)!;
        remaining.set(c, ar.sub(remaining.get(c)!, e.valueOf(g)));
      }
      e.markPoint();
      if (e.elected.length === 0 && ar.cmp(e.nonTransferable, ar.zero) > 0) {
        quota = divideUp(ar.sub(valid, e.nonTransferable), seats + 1); // 5.4.8
        e.quota = quota;
      }
      deemElected();
    }
    for (const c of excluded) e.setVotes(c, remaining.get(c)!);
    e.recordStage(
      "exclusion",
      excluded.length === 1 ? excluded[0]! : excluded,
      `${excluded.map((c) => e.name(c)).join(", ")} excluded; papers transferred in batches, highest value first.`,
    );
  }
  return ok(e.sheet());
}

/** The Electoral Reform Society's 1997 STV rules. */
export const ers97: RuleSet = {
  id,
  aliases: ["ers-97", "ers"],
  summary:
    "Electoral Reform Society 1997 STV: 2 places, last-batch surpluses, deferred surpluses, bulk exclusion.",
  source:
    "Electoral Reform Society, How to conduct an election by the Single Transferable Vote, 3rd ed. (1997), ss. 4–6",
  count: countErs97,
};
