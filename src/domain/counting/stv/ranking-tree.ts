/**
 * Rankings stored as a prefix tree, laid out in preorder. In Meek and Warren counts a ballot's weight
 * at each preference depends only on the preferences before it, so every ballot sharing a prefix
 * carries the same weight there: one multiplication per tree node, times the number of ballots
 * through it, gives exactly the sum of the per-ballot figures. A distribution pass stops descending
 * where the weight is used up (at the first hopeful candidate), so it visits few nodes.
 */

/** The tree: node i holds candidate `candidate[i]` at depth `depth[i]` (0 = first preference). */
export interface RankingTree {
  readonly size: number;
  readonly candidate: Int32Array;
  readonly depth: Int32Array;
  /** Index just past node i's subtree, to skip it. */
  readonly end: Int32Array;
  /** Ballots whose ranking passes through node i. */
  readonly through: Float64Array;
}

/**
 * Grows the tree one ranking at a time, then lays it out. Children are found through a dense table
 * child[node × width + c] when there are at most 32 candidates, else through sibling lists.
 */
export class RankingTreeBuilder {
  private capacity = 1024;
  private cand = new Int32Array(this.capacity);
  private parent = new Int32Array(this.capacity);
  private firstChild: Int32Array;
  private nextSibling: Int32Array;
  private through = new Float64Array(this.capacity);
  private nodes = 1; // node 0 is the root, holding no candidate
  private readonly width: number;
  private table: Int32Array;

  /** `candidates` bounds the candidate numbers; up to 32 of them use the dense child table. */
  constructor(candidates: number) {
    this.width = candidates <= 32 ? candidates : 0;
    this.table = new Int32Array(this.capacity * this.width).fill(-1);
    const lists = this.width === 0 ? this.capacity : 0;
    this.firstChild = new Int32Array(lists).fill(-1);
    this.nextSibling = new Int32Array(lists).fill(-1);
  }

  /** Adds `count` ballots ranking `ranking[0..length)` (single candidates, in order). */
  add(ranking: ArrayLike<number>, length: number, count: number): void {
    let node = 0;
    for (let k = 0; k < length; k++) {
      const c = ranking[k]!;
      let child = this.width > 0 ? this.table[node * this.width + c]! : this.findChild(node, c);
      if (child === -1) {
        if (this.nodes === this.capacity) this.grow();
        child = this.nodes++;
        this.cand[child] = c;
        this.parent[child] = node;
        if (this.width > 0) this.table[node * this.width + c] = child;
        else {
          // New children go first in the sibling list; the order of siblings is immaterial.
          this.nextSibling[child] = this.firstChild[node]!;
          this.firstChild[node] = child;
        }
      }
      this.through[child] = this.through[child]! + count;
      node = child;
    }
  }

  /**
   * Lays the tree out in preorder without walking it: a parent is always created before its
   * children, so one backward sweep over creation order sums subtree sizes and one forward sweep
   * gives each node its place (right after its parent and its earlier siblings' subtrees).
   */
  build(): RankingTree {
    const total = this.nodes;
    const { cand, parent, through } = this;
    const size = new Int32Array(total).fill(1);
    for (let id = total - 1; id > 0; id--) size[parent[id]!]! += size[id]!;
    const out: RankingTree = {
      size: total - 1,
      candidate: new Int32Array(total - 1),
      depth: new Int32Array(total - 1),
      end: new Int32Array(total - 1),
      through: new Float64Array(total - 1),
    };
    // nextFree[p]: where p's next child goes; depthOf[p]: p's depth (the root's is -1).
    const nextFree = new Int32Array(total);
    const depthOf = new Int32Array(total);
    depthOf[0] = -1;
    for (let id = 1; id < total; id++) {
      const p = parent[id]!;
      const at = nextFree[p]!;
      nextFree[p] = at + size[id]!;
      nextFree[id] = at + 1;
      const d = depthOf[p]! + 1;
      depthOf[id] = d;
      out.candidate[at] = cand[id]!;
      out.depth[at] = d;
      out.through[at] = through[id]!;
      out.end[at] = at + size[id]!;
    }
    return out;
  }

  private findChild(node: number, c: number): number {
    let child = this.firstChild[node]!;
    while (child !== -1 && this.cand[child] !== c) child = this.nextSibling[child]!;
    return child;
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = <A extends Int32Array | Float64Array>(old: A, make: (n: number) => A): A => {
      const a = make(this.capacity);
      a.set(old);
      return a;
    };
    this.cand = widen(this.cand, (k) => new Int32Array(k));
    this.parent = widen(this.parent, (k) => new Int32Array(k));
    if (this.width === 0) {
      this.firstChild = widen(this.firstChild, (k) => new Int32Array(k).fill(-1));
      this.nextSibling = widen(this.nextSibling, (k) => new Int32Array(k).fill(-1));
    }
    this.through = widen(this.through, (k) => new Float64Array(k));
    this.table = widen(this.table, (k) => new Int32Array(k * this.width).fill(-1));
  }
}
