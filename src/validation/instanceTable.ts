/**
 * `InstanceTable`: instance ids interned to small integers (0, 1, 2... in the order first seen), without a string
 * or a map entry per instance: the ids' UTF-8 bytes lie end to end in one byte arena, found again through an
 * open-addressing hash table of integers. A fleet of a million instances keeps its ids in a few tens of bytes
 * each. Ids can be looked up from bytes (the NDJSON byte scanner: no string per record) or from strings.
 */

const EMPTY = -1;

/** Interns instance ids (and the absence of one) to dense integers in first-seen order. */
export class InstanceTable {
  private arena: Buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** `starts[id]`: where the id's bytes start in the arena (`starts[id + 1]` is where they end). */
  private starts = new Int32Array(1025);
  private hashes = new Int32Array(1024);
  /** Open addressing: an id, or EMPTY. */
  private slots = new Int32Array(2048).fill(EMPTY);
  private count = 0;
  /** The id of records without an instance id, once seen. */
  private anonymous = EMPTY;
  /** Ids that are not well-formed UTF-16 (lone surrogates): kept as strings, they have no exact UTF-8 bytes. */
  private odd: Map<string, number> | undefined;
  private oddNames: Map<number, string> | undefined;
  private scratch: Buffer = Buffer.allocUnsafe(256);

  /** How many ids (the absence of one included) have been seen. */
  get size(): number {
    return this.count;
  }

  /** The number of the id made of `bytes[start..end)` (UTF-8), a new one when first seen. */
  internBytes(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5;
    let i = start;
    for (; i + 4 <= end; i += 4)
      hash = Math.imul(
        hash ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)),
        0x01000193,
      );
    for (; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    hash ^= hash >>> 15; // FNV-1a's low bits mix poorly (and it reads 4 bytes at a time): finish with a multiply and shifts
    hash = Math.imul(hash, 0x2c1b3c6d);
    hash ^= hash >>> 12;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    const length = end - start;
    for (;;) {
      const id = this.slots[slot]!;
      if (id === EMPTY) break;
      if (this.hashes[id] === hash) {
        const from = this.starts[id]!;
        if (this.starts[id + 1]! - from === length && this.same(bytes, start, from, length)) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.add(bytes, start, length, hash);
    this.slots[slot] = id;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** The number of an id given as a string (undefined: records without one). */
  intern(instance: string | undefined): number {
    if (instance === undefined) {
      if (this.anonymous === EMPTY) this.anonymous = this.add(this.scratch, 0, 0, 0);
      return this.anonymous;
    }
    const length = instance.length;
    let ascii = length <= 256;
    if (ascii) {
      const scratch = this.scratch;
      for (let i = 0; i < length; i++) {
        const c = instance.charCodeAt(i);
        if (c > 127) {
          ascii = false;
          break;
        }
        scratch[i] = c;
      }
      if (ascii) return this.internBytes(scratch, 0, length);
    }
    if (!wellFormed(instance)) return this.internOdd(instance);
    const bytes = Buffer.from(instance, 'utf8');
    return this.internBytes(bytes, 0, bytes.length);
  }

  /** The id numbered `id`, as a string (undefined for records without one). */
  nameOf(id: number): string | undefined {
    if (id === this.anonymous) return undefined;
    const odd = this.oddNames?.get(id);
    if (odd !== undefined) return odd;
    return this.arena.toString('utf8', this.starts[id]!, this.starts[id + 1]!);
  }

  /** The length in bytes of the id numbered `id`; -1 for records without one (and for ids kept as strings). */
  byteLength(id: number): number {
    if (id === this.anonymous || this.oddNames?.has(id)) return -1;
    return this.starts[id + 1]! - this.starts[id]!;
  }

  /** Copy the bytes of the id numbered `id` into `target` at `offset`. */
  copyBytes(id: number, target: Uint8Array, offset: number): void {
    target.set(this.arena.subarray(this.starts[id]!, this.starts[id + 1]!), offset);
  }

  private internOdd(instance: string): number {
    this.odd ??= new Map();
    this.oddNames ??= new Map();
    let id = this.odd.get(instance);
    if (id === undefined) {
      id = this.add(this.scratch, 0, 0, 0);
      this.odd.set(instance, id);
      this.oddNames.set(id, instance);
    }
    return id;
  }

  private same(bytes: Uint8Array, start: number, from: number, length: number): boolean {
    const arena = this.arena;
    for (let i = 0; i < length; i++) if (arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  /** A new id with these bytes (not entered in the hash table). */
  private add(bytes: Uint8Array, start: number, length: number, hash: number): number {
    const id = this.count++;
    // growth by four: the arrays left behind (freed only at the collector's next full collection) add up to a third
    // of the new ones, and the new ones' untouched pages take no memory
    if (this.count >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 4);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const starts = new Int32Array(hashes.length + 1);
      starts.set(this.starts);
      this.starts = starts;
    }
    if (this.used + length > this.arena.length) {
      const arena = Buffer.allocUnsafe(Math.max(this.arena.length * 4, this.used + length));
      this.arena.copy(arena, 0, 0, this.used);
      this.arena = arena;
    }
    for (let i = 0; i < length; i++) this.arena[this.used + i] = bytes[start + i]!;
    this.hashes[id] = hash;
    this.starts[id] = this.used;
    this.used += length;
    this.starts[id + 1] = this.used;
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      if (id === this.anonymous || this.oddNames?.has(id)) continue;
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

/** True when the text has no lone surrogate (so its UTF-8 bytes give it back exactly). */
function wellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false;
    const low = text.charCodeAt(i + 1);
    if (!(low >= 0xdc00 && low <= 0xdfff)) return false;
    i++;
  }
  return true;
}
