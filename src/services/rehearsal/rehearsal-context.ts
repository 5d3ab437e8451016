import { createHmac, randomBytes } from "node:crypto";
import { cryptoRandom } from "../../adapters/crypto/random.ts";
import type { Actor } from "../../domain/access/index.ts";
import type { HashFactory } from "../../domain/electorate/index.ts";
import type { Problem } from "../../domain/common/problem.ts";
import type { Result } from "../../domain/common/result.ts";
import type { Store } from "../../ports/store.ts";
import type { VotingDeps } from "../voting-deps.ts";

/** The voter pages as the rehearsal's HTTP sample reaches them (an adapter starts the real server). */
export interface VoterPages {
  /** Casts one ranking (candidate ids, first preference first) with a voting code; the receipt, or why not. */
  cast(slug: string, code: string, ranking: readonly string[]): Promise<Result<string, Problem[]>>;
  /** Stops the server. */
  close(): Promise<void>;
}

/** What every rehearsal step shares: the store, the election, a clock the rehearsal moves, timings. */
export interface RehearsalContext {
  readonly store: Store;
  readonly slug: string;
  readonly hash: HashFactory;
  readonly seed: number;
  /** The rehearsal's clock: each step happens on the scenario's own timetable, whatever today's date. */
  readonly now: () => Date;
  /** Moves the clock to `days` after the freeze date, at the given UTC hour. */
  readonly at: (days: number, hour?: number) => Date;
  readonly voting: VotingDeps;
  readonly timings: Record<string, number>;
  /** This process's CPU time per step (ms): on PGlite it includes the database's own work. */
  readonly cpu: Record<string, number>;
  readonly progress?: (step: string, done: number, of: number) => void;
  /** Starts the voter pages for the HTTP sample, with the rehearsal's clock; absent, every vote goes through the services. */
  readonly voterPages?: (now: () => Date) => Promise<VoterPages>;
  /** How many online votes go over HTTP when `voterPages` is given (default 200). */
  readonly httpSample: number;
}

/** The people the rehearsal acts as, each in the role the real services check. */
export const actors = {
  admin: { id: "rehearsal:administrator", role: "administrator" },
  officer: { id: "rehearsal:returning-officer", role: "returning-officer" },
  staff: { id: "rehearsal:staff", role: "staff" },
  scrutineer: { id: "rehearsal:scrutineer", role: "scrutineer" },
} as const satisfies Record<string, Actor>;

/** How to run a rehearsal. */
export interface RehearsalOptions {
  readonly slug: string;
  readonly hash: HashFactory;
  /** The generators' seed (default 2016): the same seed plans the same election. */
  readonly seed?: number;
  readonly progress?: (step: string, done: number, of: number) => void;
  /** The credential key the voter pages use, when votes also go over HTTP. */
  readonly credentialKey?: Buffer;
  readonly voterPages?: (now: () => Date) => Promise<VoterPages>;
  readonly httpSample?: number;
}

/** A context whose clock starts at the freeze date; voting uses the given (or a fresh) HMAC key and real randomness. */
export function rehearsalContext(
  store: Store,
  o: RehearsalOptions & { readonly freezeDate: string },
): RehearsalContext {
  const freeze = Date.parse(`${o.freezeDate}T00:00:00Z`);
  let clock = new Date(freeze);
  const now = () => clock;
  // The server's key when votes go over HTTP too (both must hash codes alike), else a fresh one.
  const key = o.credentialKey ?? randomBytes(32);
  return {
    store,
    slug: o.slug,
    hash: o.hash,
    seed: o.seed ?? 2016,
    now,
    at: (days, hour = 9) => (clock = new Date(freeze + days * 86_400_000 + hour * 3_600_000)),
    voting: {
      hash: (s) => createHmac("sha256", key).update(s).digest("hex"),
      random: cryptoRandom,
      now,
    },
    timings: {},
    cpu: {},
    ...(o.progress ? { progress: o.progress } : {}),
    ...(o.voterPages ? { voterPages: o.voterPages } : {}),
    httpSample: o.httpSample ?? 200,
  };
}

/** Runs one step and notes how long it took (ms, wall and this process's CPU), under its name. */
export async function timed<T>(ctx: RehearsalContext, step: string, work: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const c = process.cpuUsage();
  try {
    return await work();
  } finally {
    ctx.timings[step] = Math.round(performance.now() - t);
    const used = process.cpuUsage(c);
    ctx.cpu[step] = Math.round((used.user + used.system) / 1000);
  }
}

/**
 * The rehearsal's timetable, in days after the freeze date, shaped like 2016's (freeze 12 January;
 * nominations and supporter applications 18–20 July; payment deadline a week later; union answers by
 * 8 August; voting 22 August to 21 September; declaration 24 September).
 */
export const days = {
  rollImport: 1,
  nominationsOpen: 188,
  nominationsClose: 190,
  applicationsOpen: 188,
  applicationsClose: 190,
  paymentDeadline: 197,
  unionDeadline: 209,
  decide: 210,
  vetting: 211,
  appealsLodged: 213,
  appealsHeard: 221,
  votingOpens: 223,
  votingCloses: 253,
  declaration: 256,
} as const;

/** An ISO instant `d` days after the freeze date at `hour` UTC (no clock change). */
export function dayAfter(freezeDate: string, d: number, hour = 9): Date {
  return new Date(Date.parse(`${freezeDate}T00:00:00Z`) + d * 86_400_000 + hour * 3_600_000);
}
