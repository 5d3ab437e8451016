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

/** Grows a linked first-child / next-sibling tree one ranking at a time, then lays it out. */
export class RankingTreeBuilder {
  private capacity = 1024;
  private cand = new Int32Array(this.capacity);
  private parent = new Int32Array(this.capacity);
  private firstChild = new Int32Array(this.capacity).fill(-1);
  private nextSibling = new Int32Array(this.capacity).fill(-1);
  private through = new Float64Array(this.capacity);
  private nodes = 1; // node 0 is the root, holding no candidate
  /** With few candidates, a dense table child[node × width + c] finds children in one step. */
  private readonly width: number;
  private table: Int32Array;

  /** `candidates` bounds the candidate numbers; up to 32 of them use the dense child table. */
  constructor(candidates: number) {
    this.width = candidates <= 32 ? candidates : 0;
    this.table = new Int32Array(this.capacity * this.width).fill(-1);
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
        // New children go first in the sibling list; the order of siblings is immaterial.
        this.nextSibling[child] = this.firstChild[node]!;
        this.firstChild[node] = child;
        if (this.width > 0) this.table[node * this.width + c] = child;
      }
      this.through[child] = this.through[child]! + count;
      node = child;
    }
  }

  /** Lays the tree out in preorder, with each node's subtree end. */
  build(): RankingTree {
    const n = this.nodes - 1;
    const out: RankingTree = {
      size: n,
      candidate: new Int32Array(n),
      depth: new Int32Array(n),
      end: new Int32Array(n),
      through: new Float64Array(n),
    };
    const { cand, parent, firstChild, nextSibling, through } = this;
    const pos = new Int32Array(this.nodes);
    let next = 0;
    let depth = 0;
    let node = firstChild[0]!;
    while (node !== -1) {
      pos[node] = next;
      out.candidate[next] = cand[node]!;
      out.depth[next] = depth;
      out.through[next] = through[node]!;
      next++;
      if (firstChild[node] !== -1) {
        node = firstChild[node]!;
        depth++;
        continue;
      }
      // A leaf: close it and every ancestor whose children are all placed, up to a next sibling.
      for (;;) {
        out.end[pos[node]!] = next;
        if (nextSibling[node] !== -1) {
          node = nextSibling[node]!;
          break;
        }
        node = parent[node]!;
        depth--;
        if (node === 0) {
          node = -1;
          break;
        }
      }
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
    this.firstChild = widen(this.firstChild, (k) => new Int32Array(k).fill(-1));
    this.nextSibling = widen(this.nextSibling, (k) => new Int32Array(k).fill(-1));
    this.through = widen(this.through, (k) => new Float64Array(k));
    this.table = widen(this.table, (k) => new Int32Array(k * this.width).fill(-1));
  }
}
