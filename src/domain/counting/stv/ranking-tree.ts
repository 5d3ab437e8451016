/**
 * Rankings stored as a prefix tree, built lazily. In Meek and Warren counts a ballot's weight at each
 * preference depends only on the preferences before it, so every ballot sharing a prefix carries the
 * same weight there: one multiplication per tree node, times the number of ballots through it, gives
 * exactly the sum of the per-ballot figures. A distribution pass stops descending at each ballot's
 * first hopeful candidate, so most of the tree is never needed: a node's children are made only
 * when a pass first goes below it (on a 1,000,000-ballot count, about a fifth of the full tree).
 */

/** A prefix tree over groups of identical strict rankings. Node 0 is the root (no candidate). */
export class RankingTree {
  /** Candidate at each node. */
  candidate: Int32Array;
  /** Ballots whose ranking passes through each node. */
  through: Float64Array;
  /** Number of nodes made so far, the root included. */
  size = 1;

  // The groups: rankings flattened into `data`, group g at data[start[g] .. start[g + 1]).
  private readonly data: Int32Array;
  private readonly start: Int32Array;
  private readonly count: Float64Array;
  /** Group order; node i owns perm[lo[i] .. hi[i]): the groups whose ranking passes through it. */
  private readonly perm: Int32Array;
  private readonly scratch: Int32Array;
  private depth: Int32Array;
  private lo: Int32Array;
  private hi: Int32Array;
  /** Children of node i are firstChild[i] .. firstChild[i] + children[i] - 1; -1 until made. */
  private firstChild: Int32Array;
  private children: Int32Array;
  private readonly candidates: number;
  private readonly bucketSize: Int32Array;
  private readonly bucketThrough: Float64Array;

  /** Takes the groups' rankings (candidate numbers below `candidates`), flattened, and counts. */
  constructor(candidates: number, data: Int32Array, start: Int32Array, count: Float64Array) {
    this.candidates = candidates;
    this.data = data;
    this.start = start;
    this.count = count;
    const groups = count.length;
    this.perm = new Int32Array(groups);
    for (let g = 0; g < groups; g++) this.perm[g] = g;
    this.scratch = new Int32Array(groups);
    this.bucketSize = new Int32Array(candidates + 1);
    this.bucketThrough = new Float64Array(candidates + 1);
    const capacity = 64;
    this.candidate = new Int32Array(capacity);
    this.through = new Float64Array(capacity);
    this.depth = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.hi = new Int32Array(capacity);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.children = new Int32Array(capacity);
    this.candidate[0] = -1;
    this.depth[0] = -1;
    this.hi[0] = groups;
  }

  /** First child of `node` (making its children on first use); see `childCount`. */
  firstChildOf(node: number): number {
    if (this.firstChild[node] === -1) this.expand(node);
    return this.firstChild[node]!;
  }

  /** Number of children of `node`, once `firstChildOf` has been called. */
  childCount(node: number): number {
    return this.children[node]!;
  }

  /** Sorts the node's groups by their next preference (a counting sort) and makes one child each. */
  private expand(node: number): void {
    const d = this.depth[node]! + 1;
    const lo = this.lo[node]!;
    const hi = this.hi[node]!;
    const { data, start, count, perm, scratch, bucketSize, bucketThrough } = this;
    const k = this.candidates;
    bucketSize.fill(0);
    bucketThrough.fill(0);
    // Bucket 0 holds groups whose ranking ends at this node; bucket c + 1 those going on to c.
    for (let i = lo; i < hi; i++) {
      const g = perm[i]!;
      const at = start[g]! + d;
      const b = at < start[g + 1]! ? data[at]! + 1 : 0;
      bucketSize[b]!++;
      bucketThrough[b]! += count[g]!;
    }
    let made = 0;
    for (let b = 1; b <= k; b++) if (bucketSize[b]! > 0) made++;
    this.reserve(this.size + made);
    // Bucket starts, then place each group.
    let pos = lo;
    const first = this.size;
    let id = first;
    for (let b = 0; b <= k; b++) {
      const n = bucketSize[b]!;
      bucketSize[b] = pos;
      if (b > 0 && n > 0) {
        this.candidate[id] = b - 1;
        this.through[id] = bucketThrough[b]!;
        this.depth[id] = d;
        this.lo[id] = pos;
        this.hi[id] = pos + n;
        id++;
      }
      pos += n;
    }
    for (let i = lo; i < hi; i++) {
      const g = perm[i]!;
      const at = start[g]! + d;
      const b = at < start[g + 1]! ? data[at]! + 1 : 0;
      scratch[bucketSize[b]!++] = g;
    }
    perm.set(scratch.subarray(lo, hi), lo);
    this.size = id;
    this.firstChild[node] = first;
    this.children[node] = made;
  }

  private reserve(needed: number): void {
    if (needed <= this.candidate.length) return;
    let capacity = this.candidate.length;
    while (capacity < needed) capacity *= 2;
    const widen = <A extends Int32Array | Float64Array>(old: A, make: (n: number) => A): A => {
      const a = make(capacity);
      a.set(old);
      return a;
    };
    this.candidate = widen(this.candidate, (n) => new Int32Array(n));
    this.through = widen(this.through, (n) => new Float64Array(n));
    this.depth = widen(this.depth, (n) => new Int32Array(n));
    this.lo = widen(this.lo, (n) => new Int32Array(n));
    this.hi = widen(this.hi, (n) => new Int32Array(n));
    this.firstChild = widen(this.firstChild, (n) => new Int32Array(n).fill(-1));
    this.children = widen(this.children, (n) => new Int32Array(n));
  }
}

/** Collects strict rankings, flattened, for a `RankingTree`. */
export class RankingTreeBuilder {
  private data = new Int32Array(1024);
  private used = 0;
  private starts: number[] = [0];
  private counts: number[] = [];
  private readonly candidates: number;

  /** `candidates` bounds the candidate numbers. */
  constructor(candidates: number) {
    this.candidates = candidates;
  }

  /** Adds `count` ballots ranking `ranking[0..length)` (single candidates, in order). */
  add(ranking: ArrayLike<number>, length: number, count: number): void {
    if (this.used + length > this.data.length) {
      let capacity = this.data.length * 2;
      while (capacity < this.used + length) capacity *= 2;
      const wider = new Int32Array(capacity);
      wider.set(this.data.subarray(0, this.used));
      this.data = wider;
    }
    for (let k = 0; k < length; k++) this.data[this.used++] = ranking[k]!;
    this.starts.push(this.used);
    this.counts.push(count);
  }

  /** The tree over everything added. */
  build(): RankingTree {
    return new RankingTree(
      this.candidates,
      this.data.subarray(0, this.used),
      Int32Array.from(this.starts),
      Float64Array.from(this.counts),
    );
  }
}
