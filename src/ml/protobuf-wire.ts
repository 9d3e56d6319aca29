/**
 * Just enough of the protocol buffers wire format to walk a message's fields without building
 * it: a tag's field number and wire type, varints, length-delimited slices (sub-messages,
 * strings, packed arrays) and fixed 32-bit floats. Reading a 3 MB forest this way keeps a few
 * flat arrays, where a full decode (onnx-proto) builds an object per number, about 80 MB of
 * heap for the shipped hit model.
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH = 2;
export const WIRE_FIXED32 = 5;

const decoder = new TextDecoder();

/** Where repeated values go: an array, or a typed array's filler (see onnx-forest-reader.ts). */
export interface NumberSink {
  push(value: number): unknown;
}

export class WireReader {
  private position: number;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.position = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.position >= this.end;
  }

  /** The next field's number and wire type. */
  tag(): { field: number; wire: number } {
    const key = this.varint();
    return { field: Math.floor(key / 8), wire: key % 8 };
  }

  /** An unsigned varint as a number (exact up to 2^53; ONNX ids and counts stay far below). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let shift = 0; shift < 70; shift += 7) {
      if (this.position >= this.end) throw new RangeError('truncated varint');
      const byte = this.bytes[this.position++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw new RangeError('varint longer than 10 bytes');
  }

  /** A varint field read as a signed 64-bit integer (two's complement), for int64 values. */
  int64(): number {
    const start = this.position;
    const value = this.varint();
    if (this.position - start < 9) return value;
    // 9 or 10 bytes: beyond what a double holds exactly, so through a BigInt (negative numbers take 10).
    let big = 0n;
    for (let i = this.position - 1; i >= start; i--) big = (big << 7n) | BigInt(this.bytes[i]! & 0x7f);
    return Number(BigInt.asIntN(64, big));
  }

  float(): number {
    if (this.position + 4 > this.end) throw new RangeError('truncated float');
    const value = this.view.getFloat32(this.position, true);
    this.position += 4;
    return value;
  }

  /** A length-delimited field as a reader of its own bytes. */
  message(): WireReader {
    const length = this.varint();
    const start = this.position;
    if (start + length > this.end) throw new RangeError('truncated field');
    this.position += length;
    return new WireReader(this.bytes, start, start + length);
  }

  string(): string {
    return decoder.decode(this.lengthDelimited());
  }

  /** A length-delimited field's bytes (a view, not a copy). */
  lengthDelimited(): Uint8Array {
    const inner = this.message();
    return this.bytes.subarray(inner.position, inner.end);
  }

  /** A reader at the same place over the same bytes, for a second pass over a message. */
  copy(): WireReader {
    return new WireReader(this.bytes, this.position, this.end);
  }

  /** Passes over a repeated varint field (packed or one value per tag), returning how many values it holds. */
  countVarints(wire: number): number {
    if (wire !== WIRE_LENGTH) {
      this.varint();
      return 1;
    }
    const packed = this.message();
    let count = 0;
    // Each varint ends at its one byte without the continuation bit.
    for (let i = packed.position; i < packed.end; i++) if (this.bytes[i]! < 0x80) count++;
    return count;
  }

  /** Passes over a repeated float field (packed or one value per tag), returning how many values it holds. */
  countFloats(wire: number): number {
    if (wire !== WIRE_LENGTH) {
      this.float();
      return 1;
    }
    const packed = this.message();
    const bytes = packed.end - packed.position;
    if (bytes % 4 !== 0) throw new RangeError(`packed floats of ${bytes} bytes`);
    return bytes / 4;
  }

  /** Skips a field of this wire type. */
  skip(wire: number): void {
    if (wire === WIRE_VARINT) this.varint();
    else if (wire === WIRE_FIXED64) this.position += 8;
    else if (wire === WIRE_LENGTH) this.message();
    else if (wire === WIRE_FIXED32) this.position += 4;
    else throw new RangeError(`unsupported wire type ${wire}`);
  }

  /** Repeated int64: packed (one length-delimited run) or one value per tag; appended to `into`. */
  int64s(wire: number, into: NumberSink): void {
    this.repeated(wire, into, (reader) => reader.int64());
  }

  /** Repeated float: packed or one value per tag; appended to `into`. */
  floats(wire: number, into: NumberSink): void {
    this.repeated(wire, into, (reader) => reader.float());
  }

  private repeated(wire: number, into: NumberSink, read: (reader: WireReader) => number): void {
    if (wire !== WIRE_LENGTH) {
      into.push(read(this));
      return;
    }
    const packed = this.message();
    while (!packed.done) into.push(read(packed));
  }
}
