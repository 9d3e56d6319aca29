import { describe, expect, it } from 'vitest';
import { WIRE_FIXED32, WIRE_LENGTH, WIRE_VARINT, WireReader } from '../../src/ml/protobuf-wire.js';

describe('reading protocol buffers fields', () => {
  it('reads a varint over several bytes and a negative int64 in two’s complement', () => {
    expect(new WireReader(Uint8Array.of(0xac, 0x02)).varint()).toBe(300);
    expect(new WireReader(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)).int64()).toBe(-1);
  });

  it('reads repeated values packed or one per tag, and skips fields it is not asked for', () => {
    const floats = new Uint8Array(new Float32Array([1.5, -2]).buffer);
    // field 7 packed floats, field 3 a varint (skipped), field 8 one int per tag (twice)
    const bytes = Uint8Array.of((7 << 3) | WIRE_LENGTH, 8, ...floats, (3 << 3) | WIRE_VARINT, 0x96, 0x01, (8 << 3) | WIRE_VARINT, 5, (8 << 3) | WIRE_VARINT, 6);
    const reader = new WireReader(bytes);
    const read = { floats: [] as number[], ints: [] as number[] };
    while (!reader.done) {
      const { field, wire } = reader.tag();
      if (field === 7) reader.floats(wire, read.floats);
      else if (field === 8) reader.int64s(wire, read.ints);
      else reader.skip(wire);
    }
    expect(read).toEqual({ floats: [1.5, -2], ints: [5, 6] });
  });

  it('counts a repeated field’s values, packed or one per tag, and a copy reads them again from the same place', () => {
    const floats = new Uint8Array(new Float32Array([1.5, -2, 4]).buffer);
    // field 7 packed floats, field 8 packed varints (300 takes two bytes, -1 ten), field 8 one int per tag
    const minusOne = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
    const bytes = Uint8Array.of((7 << 3) | WIRE_LENGTH, 12, ...floats, (8 << 3) | WIRE_LENGTH, 13, 0xac, 0x02, 5, ...minusOne, (8 << 3) | WIRE_VARINT, 6);
    const reader = new WireReader(bytes);
    const again = reader.copy();
    const counted = { floats: 0, ints: 0 };
    while (!reader.done) {
      const { field, wire } = reader.tag();
      if (field === 7) counted.floats += reader.countFloats(wire);
      else counted.ints += reader.countVarints(wire);
    }
    expect(counted).toEqual({ floats: 3, ints: 4 });
    const read = { floats: [] as number[], ints: [] as number[] };
    while (!again.done) {
      const { field, wire } = again.tag();
      if (field === 7) again.floats(wire, read.floats);
      else again.int64s(wire, read.ints);
    }
    expect(read).toEqual({ floats: [1.5, -2, 4], ints: [300, 5, -1, 6] });
  });

  it('reads a single float per tag and refuses a field cut short', () => {
    const one = new WireReader(Uint8Array.of((7 << 3) | WIRE_FIXED32, ...new Uint8Array(new Float32Array([0.25]).buffer)));
    const into: number[] = [];
    one.floats(one.tag().wire, into);
    expect(into).toEqual([0.25]);
    expect(() => new WireReader(Uint8Array.of(5, 1)).message()).toThrow('truncated field');
  });
});
