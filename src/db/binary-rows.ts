/**
 * PostgreSQL's binary wire formats for bulk writes. Vectors sent as text cost the server a float parse
 * per number (about ten times slower than the insert itself on PGlite); sent as binary they are copied
 * as they are. Two uses: a `COPY ... FROM STDIN (FORMAT binary)` stream on the embedded engine, and a
 * binary `vector[]` parameter for `unnest` through `pg`.
 */

export type BinaryColumnType = "int8" | "int4" | "float8" | "text" | "jsonb" | "vector";
export type BinaryValue = number | string | readonly number[] | null;

const COPY_SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // "PGCOPY\n\377\r\n\0"
const textEncoder = new TextEncoder();

/** Grows as it is written; every number is big-endian, as the wire formats require. */
class ByteWriter {
  private bytes = new Uint8Array(64 * 1024);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  private reserve(size: number): void {
    if (this.length + size <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + size) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  int16(value: number): void {
    this.reserve(2);
    this.view.setInt16(this.length, value);
    this.length += 2;
  }

  int32(value: number): void {
    this.reserve(4);
    this.view.setInt32(this.length, value);
    this.length += 4;
  }

  uint32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, value);
    this.length += 4;
  }

  float32(value: number): void {
    this.reserve(4);
    this.view.setFloat32(this.length, value);
    this.length += 4;
  }

  float64(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, value);
    this.length += 8;
  }

  int64(value: number): void {
    this.reserve(8);
    this.view.setBigInt64(this.length, BigInt(value));
    this.length += 8;
  }

  raw(bytes: ArrayLike<number>): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** pgvector's binary form: dimension (int16), an unused int16, then float4 values. */
  vector(values: readonly number[]): void {
    this.int32(4 + 4 * values.length);
    this.int16(values.length);
    this.int16(0);
    for (const value of values) this.float32(value);
  }

  /** One field: its length, then its bytes (length -1 is NULL). */
  field(type: BinaryColumnType, value: BinaryValue): void {
    if (value === null) {
      this.int32(-1);
      return;
    }
    switch (type) {
      case "int8":
        this.int32(8);
        this.int64(value as number);
        return;
      case "int4":
        this.int32(4);
        this.int32(value as number);
        return;
      case "float8":
        this.int32(8);
        this.float64(value as number);
        return;
      case "text": {
        const encoded = textEncoder.encode(value as string);
        this.int32(encoded.length);
        this.raw(encoded);
        return;
      }
      case "jsonb": {
        // jsonb's binary form is a version byte (1) followed by the JSON text.
        const encoded = textEncoder.encode(value as string);
        this.int32(encoded.length + 1);
        this.raw([1]);
        this.raw(encoded);
        return;
      }
      case "vector":
        this.vector(value as readonly number[]);
        return;
    }
  }

  finish(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/**
 * Rows in the binary COPY format, for `COPY table (columns) FROM STDIN WITH (FORMAT binary)`.
 *
 * @example copyBinaryRows(["int4", "vector"], [[1, [0.5, 0.5]]])
 */
export function copyBinaryRows(types: readonly BinaryColumnType[], rows: ReadonlyArray<readonly BinaryValue[]>): Uint8Array {
  const writer = new ByteWriter();
  writer.raw(COPY_SIGNATURE);
  writer.int32(0); // flags
  writer.int32(0); // header extension length
  for (const row of rows) {
    if (row.length !== types.length) throw new RangeError(`a COPY row has ${row.length} values for ${types.length} columns`);
    writer.int16(types.length);
    row.forEach((value, column) => writer.field(types[column] as BinaryColumnType, value));
  }
  writer.int16(-1); // end of data
  return writer.finish();
}

/**
 * A one-dimensional `vector[]` in PostgreSQL's binary array format, for a query parameter cast as
 * `$n::vector[]`. `vectorTypeOid` is `'vector'::regtype::oid` of the database (extensions get their
 * oid when installed, so it differs between databases).
 */
export function vectorArrayParameter(vectors: ReadonlyArray<readonly number[] | null>, vectorTypeOid: number): Uint8Array {
  const writer = new ByteWriter();
  if (vectors.length === 0) {
    writer.int32(0); // no dimensions: the empty array
    writer.int32(0);
    writer.uint32(vectorTypeOid);
    return writer.finish();
  }
  writer.int32(1); // dimensions
  writer.int32(vectors.some((vector) => vector === null) ? 1 : 0);
  writer.uint32(vectorTypeOid);
  writer.int32(vectors.length);
  writer.int32(1); // lower bound
  for (const vector of vectors) {
    if (vector === null) writer.int32(-1);
    else writer.vector(vector);
  }
  return writer.finish();
}
