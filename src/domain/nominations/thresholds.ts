import type { BodyId } from "./ids.ts";
import type { Rounding } from "./percent.ts";

/**
 * A threshold, as data. Leaves are "at least P% of body A" and "at least N of body B, of which M are
 * unions"; `all` and `any` combine them into and/or trees of any depth.
 */
export type Threshold = ShareThreshold | CountThreshold | AllThreshold | AnyThreshold;

/** At least `percent` of a body, counted on a stated base and rounded as the rules say. */
export interface ShareThreshold {
  readonly kind: "share";
  readonly body: BodyId;
  /** The percentage as written in the rules: "20", "12.5". Never a float. */
  readonly percent: string;
  /** The base; defaults to the body's size at the opening of nominations. */
  readonly base?: number;
  /** Defaults to "up": a fraction of a nominator rounds up (20% of 254 = 50.8 → 51). */
  readonly rounding?: Rounding;
}

/** At least `atLeast` nominators of a body, of which at least `unionsAtLeast` are trade unions. */
export interface CountThreshold {
  readonly kind: "count";
  readonly body: BodyId;
  readonly atLeast: number;
  readonly unionsAtLeast?: number;
}

/** Every part must be met. */
export interface AllThreshold {
  readonly kind: "all";
  readonly of: readonly Threshold[];
}

/** At least one part must be met. */
export interface AnyThreshold {
  readonly kind: "any";
  readonly of: readonly Threshold[];
}
