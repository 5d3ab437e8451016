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

/** Builds the tree from rankings of single candidates (equal rankings go elsewhere). */
export function buildRankingTree(
  rankings: readonly (readonly number[])[],
  counts: readonly number[],
): RankingTree {
  // Linked first-child / next-sibling tree, grown as needed, then laid out in preorder.
  let capacity = 1024;
  let cand = new Int32Array(capacity);
  let firstChild = new Int32Array(capacity).fill(-1);
  let nextSibling = new Int32Array(capacity).fill(-1);
  let through = new Float64Array(capacity);
  let size = 1; // node 0 is the root (no candidate)
  cand[0] = -1;

  const grow = (): void => {
    capacity *= 2;
    const c = new Int32Array(capacity);
    c.set(cand);
    cand = c;
    const f = new Int32Array(capacity).fill(-1);
    f.set(firstChild);
    firstChild = f;
    const n = new Int32Array(capacity).fill(-1);
    n.set(nextSibling);
    nextSibling = n;
    const t = new Float64Array(capacity);
    t.set(through);
    through = t;
  };

  for (let r = 0; r < rankings.length; r++) {
    const ranking = rankings[r]!;
    const count = counts[r]!;
    let node = 0;
    for (const c of ranking) {
      let child = firstChild[node]!;
      let last = -1;
      while (child !== -1 && cand[child] !== c) {
        last = child;
        child = nextSibling[child]!;
      }
      if (child === -1) {
        if (size === capacity) grow();
        child = size++;
        cand[child] = c;
        if (last === -1) firstChild[node] = child;
        else nextSibling[last] = child;
      }
      through[child]! += count;
      node = child;
    }
  }

  const n = size - 1;
  const out: RankingTree = {
    size: n,
    candidate: new Int32Array(n),
    depth: new Int32Array(n),
    end: new Int32Array(n),
    through: new Float64Array(n),
  };
  // Iterative preorder walk; a node's end is known once its last descendant is placed.
  const stackNode: number[] = [];
  const stackIndex: number[] = [];
  let next = 0;
  const place = (node: number, d: number): void => {
    out.candidate[next] = cand[node]!;
    out.depth[next] = d;
    out.through[next] = through[node]!;
    stackNode.push(node);
    stackIndex.push(next);
    next++;
  };
  // Pushes children in reverse so the walk visits them in insertion order; order is immaterial.
  const pending: number[] = [];
  const pendingDepth: number[] = [];
  for (let c = firstChild[0]!; c !== -1; c = nextSibling[c]!) {
    pending.push(c);
    pendingDepth.push(0);
  }
  pending.reverse();
  pendingDepth.reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    const d = pendingDepth.pop()!;
    // Close every open node at depth >= d: their subtrees are complete.
    while (stackNode.length > d) {
      stackNode.pop();
      out.end[stackIndex.pop()!] = next;
    }
    place(node, d);
    const kids: number[] = [];
    for (let c = firstChild[node]!; c !== -1; c = nextSibling[c]!) kids.push(c);
    for (let k = kids.length - 1; k >= 0; k--) {
      pending.push(kids[k]!);
      pendingDepth.push(d + 1);
    }
  }
  while (stackIndex.length > 0) {
    stackNode.pop();
    out.end[stackIndex.pop()!] = next;
  }
  return out;
}
