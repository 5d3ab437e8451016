import type { MemberNumber } from "../common/ids.ts";
import { byCodePoint } from "./eligibility.ts";
import { fieldText, rollFields, type RollEntry, type RollField } from "./roll-entry.ts";

/** One field that differs between two rolls. */
export interface FieldChange {
  readonly field: RollField;
  readonly before: string;
  readonly after: string;
}

/** What a newer roll would change: members added, removed, and changed (with the fields). */
export interface RollDiff {
  readonly added: readonly MemberNumber[];
  readonly removed: readonly MemberNumber[];
  readonly changed: readonly {
    readonly memberNumber: MemberNumber;
    readonly fields: readonly FieldChange[];
  }[];
  readonly unchanged: number;
}

/** Fields that differ between two entries for the same member, in `rollFields` order. */
export function changedFields(before: RollEntry, after: RollEntry): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of rollFields) {
    const b = fieldText(before, field);
    const a = fieldText(after, field);
    if (a !== b) out.push({ field, before: b, after: a });
  }
  return out;
}

/**
 * Compares a newer roll against the current one, one entry at a time (so the newer file can be streamed).
 * Members are matched by member number, ignoring case, as the import does.
 */
export class RollDiffer {
  private readonly current = new Map<string, RollEntry>();
  private readonly seen = new Set<string>();
  private readonly added: MemberNumber[] = [];
  private readonly changed: { memberNumber: MemberNumber; fields: FieldChange[] }[] = [];
  private unchanged = 0;

  constructor(current: Iterable<RollEntry>) {
    for (const e of current) this.current.set(e.memberNumber.toUpperCase(), e);
  }

  /** Takes one entry of the newer roll. */
  see(entry: RollEntry): void {
    const key = entry.memberNumber.toUpperCase();
    this.seen.add(key);
    const before = this.current.get(key);
    if (!before) {
      this.added.push(entry.memberNumber);
      return;
    }
    const fields = changedFields(before, entry);
    if (fields.length > 0) this.changed.push({ memberNumber: entry.memberNumber, fields });
    else this.unchanged += 1;
  }

  /** The diff, each list sorted by member number. */
  finish(): RollDiff {
    const removed: MemberNumber[] = [];
    for (const [key, e] of this.current) if (!this.seen.has(key)) removed.push(e.memberNumber);
    return {
      added: [...this.added].sort(byCodePoint),
      removed: removed.sort(byCodePoint),
      changed: [...this.changed].sort((a, b) => byCodePoint(a.memberNumber, b.memberNumber)),
      unchanged: this.unchanged,
    };
  }
}

/** The diff between two whole rolls. */
export function diffRolls(current: Iterable<RollEntry>, newer: Iterable<RollEntry>): RollDiff {
  const d = new RollDiffer(current);
  for (const e of newer) d.see(e);
  return d.finish();
}
