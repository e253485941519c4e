/**
 * `RecordChunks`: fixed-size records of 32-bit integers, stored in chunks of `2 ** bits` records that are made as
 * records are needed and never moved. Growing copies nothing and leaves no old array behind: a typed array that
 * grows by copying holds the old and the new one at once, and the collector frees the old ones only at its next full
 * collection, so a fleet's state would peak at several times its size. A chunk's untouched pages cost no memory.
 * Records with an even stride can also be read as 64-bit floats over the same bytes (`floats`).
 */

/** One chunk: its records' integers, and the same bytes as 64-bit floats (empty for an odd stride). */
export interface RecordChunk {
  readonly ints: Int32Array;
  /** Integers `2k` and `2k + 1` of the chunk are float `k`. */
  readonly floats: Float64Array;
}

/** Records of `stride` 32-bit integers (zero until set), in chunks that are never moved or copied. */
export class RecordChunks {
  /** Chunk `c` holds records `c << bits` up to `(c + 1) << bits` (exclusive); record `r` starts at `offset(r)`. */
  readonly chunks: RecordChunk[] = [];
  /** `record & mask` is a record's place in its chunk. */
  readonly mask: number;

  /**
   * @param stride the integers of one record
   * @param bits a chunk holds `2 ** bits` records (small values let tests cross chunk boundaries often)
   */
  constructor(
    readonly stride: number,
    readonly bits = 13,
  ) {
    if (!Number.isInteger(stride) || stride < 1 || !Number.isInteger(bits) || bits < 0 || bits > 24)
      throw new RangeError(`RecordChunks: bad stride ${stride} or bits ${bits}`);
    this.mask = (1 << bits) - 1;
  }

  /** How many records fit in the chunks made so far. */
  get capacity(): number {
    return this.chunks.length << this.bits;
  }

  /** Make chunks until `records` records fit (the chunks made before stay where they are). */
  reserve(records: number): void {
    while (this.capacity < records) {
      const buffer = new ArrayBuffer((this.stride << this.bits) * 4);
      const floats = this.stride % 2 === 0 ? new Float64Array(buffer) : new Float64Array(0);
      this.chunks.push({ ints: new Int32Array(buffer), floats });
    }
  }

  /** The chunk of record `record` (which must fit). */
  chunk(record: number): RecordChunk {
    return this.chunks[record >>> this.bits]!;
  }

  /** Where record `record` starts in its chunk's `ints` (half of it in `floats`). */
  offset(record: number): number {
    return (record & this.mask) * this.stride;
  }

  /** Integer `field` of record `record` (which must fit). */
  get(record: number, field: number): number {
    return this.chunks[record >>> this.bits]!.ints[(record & this.mask) * this.stride + field]!;
  }

  /** Set integer `field` of record `record` (which must fit). */
  set(record: number, field: number, value: number): void {
    this.chunks[record >>> this.bits]!.ints[(record & this.mask) * this.stride + field] = value;
  }
}
