import { describe, expect, it } from 'vitest';
import { distinctIsrcs, IsrcIntakeError, isrcsFromFile } from '../../../../src/features/leads/bulk/isrc-intake.js';

describe('ISRC intake for bulk jobs', () => {
  it('normalizes a list and counts the repeats', () => {
    expect(distinctIsrcs(['nz-th1-24-00031', 'NZTH12400031', 'AUR5L2300112'])).toEqual({ isrcs: ['NZTH12400031', 'AUR5L2300112'], duplicates: 1, invalid: [] });
  });

  it('finds ISRCs in any column or line of a file, reporting ISRC-like tokens that are not valid', () => {
    const intake = isrcsFromFile(Buffer.from('\uFEFFisrc;title\nNZTH12400031;Low Tide\nUS-RC1-7X-07839;Typo\n'));
    expect(intake.isrcs).toEqual(['NZTH12400031']);
    expect(intake.invalid).toEqual([expect.objectContaining({ value: 'US-RC1-7X-07839', line: 3 })]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'file is empty'],
    ['only spaces', Buffer.from(' \n\t\n'), 'file is empty'],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0xfd]), 'not UTF-8 text'],
    ['a NUL byte', Buffer.from('NZTH12400031\0'), 'not a text file'],
    ['no ISRC', Buffer.from('title\nLow Tide\n'), 'file holds no valid ISRC'],
  ])('refuses %s, saying why', (_name, bytes, message) => {
    expect(() => isrcsFromFile(bytes)).toThrow(IsrcIntakeError);
    expect(() => isrcsFromFile(bytes)).toThrow(message);
  });

  it('refuses more ISRCs than a job takes', () => {
    const many = Array.from({ length: 10_001 }, (_, n) => `ZZFK024${String(n).padStart(5, '0')}`).join('\n');
    expect(() => isrcsFromFile(Buffer.from(many))).toThrow('holds 10001 distinct ISRCs; a job takes at most 10000');
  });
});
