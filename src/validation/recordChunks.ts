/**
 * `RecordChunks`: fixed-size records of 32-bit integers, stored in chunks of `2 ** bits` records that are made as
 * records are needed and never moved. Growing copies nothing and leaves no old array behind: a typed array that
 * grows by copying holds the old and the new one at once, and the collector frees the old ones only at its next full
 * collection, so a fleet's state would peak at several times its size. A chunk's untouched pages cost no memory.
 * Records with an even stride can also be read as 64-bit floats over the same bytes (`floats`).
 */

/** Records of `stride` 32-bit integers (zero until set), in chunks that are never moved or copied. */
export class RecordChunks {
  /** Chunk `c` holds records `c << bits` up to `(c + 1) << bits` (exclusive); record `r` starts at `offset(r)`. */
  readonly ints: Int32Array[] = [];
  /** The same chunks as 64-bit floats (only for an even stride): integer `2k` and `2k + 1` of a chunk are float `k`. */
  readonly floats: Float64Array[] = [];
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
    return this.ints.length << this.bits;
  }

  /** Make chunks until `records` records fit (the chunks made before stay where they are). */
  reserve(records: number): void {
    while (this.capacity < records) {
      const buffer = new ArrayBuffer((this.stride << this.bits) * 4);
      this.ints.push(new Int32Array(buffer));
      if (this.stride % 2 === 0) this.floats.push(new Float64Array(buffer));
    }
  }

  /** Where record `record` starts in its chunk of `ints` (half of it in `floats`). */
  offset(record: number): number {
    return (record & this.mask) * this.stride;
  }

  /** Integer `field` of record `record` (which must fit). */
  get(record: number, field: number): number {
    return this.ints[record >>> this.bits]![(record & this.mask) * this.stride + field]!;
  }

  /** Set integer `field` of record `record` (which must fit). */
  set(record: number, field: number, value: number): void {
    this.ints[record >>> this.bits]![(record & this.mask) * this.stride + field] = value;
  }
}
