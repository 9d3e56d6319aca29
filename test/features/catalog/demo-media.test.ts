import { fileTypeFromBuffer } from 'file-type';
import { parseBuffer } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { synthesizeTune } from '../../../src/features/catalog/demo/demo-audio.js';
import { gradientCover } from '../../../src/features/catalog/demo/demo-cover.js';

const style = { scale: [0, 2, 4, 5, 7, 9, 11], root: 60, bpm: 120, harmonics: [1, 0.5] };

describe('synthesizeTune', () => {
  it('writes a WAV of the asked length', async () => {
    const wav = synthesizeTune(style, 3, 1);
    expect((await fileTypeFromBuffer(wav))?.ext).toBe('wav');
    expect((await parseBuffer(wav, 'audio/wav', { duration: true })).format.duration).toBeCloseTo(3, 2);
  });

  it('plays the same tune for the same seed, and another for another seed', () => {
    expect(synthesizeTune(style, 1, 5).equals(synthesizeTune(style, 1, 5))).toBe(true);
    expect(synthesizeTune(style, 1, 5).equals(synthesizeTune(style, 1, 6))).toBe(false);
  });

  it('is not silence', () => {
    const wav = synthesizeTune(style, 1, 2);
    let peak = 0;
    for (let i = 44; i < wav.length; i += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(i)));
    expect(peak).toBeGreaterThan(20_000);
  });
});

describe('gradientCover', () => {
  it('is a PNG that file-type recognises', async () => {
    expect(await fileTypeFromBuffer(gradientCover([0, 0, 0], [255, 255, 255], 16))).toEqual({ ext: 'png', mime: 'image/png' });
  });
});
