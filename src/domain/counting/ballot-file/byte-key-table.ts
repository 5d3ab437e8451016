/**
 * A hash table from byte strings (a ballot line's preferences, as read from the file) to small
 * integers, so a repeated ranking is found without building a JavaScript string for every line:
 * at millions of lines, creating and hashing one string per line costs more than the count itself.
 */
export class ByteKeyTable {
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private values = new Int32Array(1024);
  private size = 0;
  private slots = new Int32Array(2048).fill(-1);
  private mask = 2047;

  /** The FNV-1a hash of bytes[start, end). */
  static hash(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
    return h | 0;
  }

  /** The value stored for bytes[start, end) with this hash, or -1. */
  get(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const { slots, hashes, lengths, starts, arena, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] as number;
      if (entry < 0) return -1;
      if (hashes[entry] !== hash || lengths[entry] !== length) continue;
      const at = (starts[entry] as number) - start;
      let i = start;
      while (i < end && arena[at + i] === bytes[i]) i++;
      if (i === end) return this.values[entry] as number;
    }
  }

  /** Stores a value for bytes[start, end) (not already present). */
  set(bytes: Uint8Array, start: number, end: number, hash: number, value: number): void {
    const length = end - start;
    if (this.used + length > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    this.arena.set(bytes.subarray(start, end), this.used);
    if (this.size === this.starts.length) this.growEntries();
    const entry = this.size++;
    this.starts[entry] = this.used;
    this.lengths[entry] = length;
    this.hashes[entry] = hash;
    this.values[entry] = value;
    this.used += length;
    if (this.size * 2 > this.slots.length) this.rehash();
    else this.place(entry);
  }

  private place(entry: number): void {
    let slot = (this.hashes[entry] as number) & this.mask;
    while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry;
  }

  private growEntries(): void {
    const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.hashes = grow(this.hashes);
    this.values = grow(this.values);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) this.place(entry);
  }
}
