import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSha256, ModelFileIntegrityError, sha256Hex, writeAtomically } from '../../../src/platform/models/model-file-cache.js';

describe('the model file cache', () => {
  let dir: string;
  const bytes = Buffer.from('an ONNX model, or what stands for one');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'encore-model-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes bytes that match their SHA-256 under the name', async () => {
    await writeAtomically(join(dir, 'hit-1.onnx'), bytes, sha256Hex(bytes));
    expect(await readFile(join(dir, 'hit-1.onnx'))).toEqual(bytes);
  });

  it('writes a stream whole, and hashes the file it wrote as its bytes', async () => {
    await writeAtomically(join(dir, 'hit-1.onnx'), Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), sha256Hex(bytes));
    expect(await fileSha256(join(dir, 'hit-1.onnx'))).toBe(sha256Hex(bytes));
  });

  it('leaves no file at all when the bytes do not match their SHA-256, and names the file', async () => {
    const write = writeAtomically(join(dir, 'hit-1.onnx'), bytes, sha256Hex('other bytes'));
    await expect(write).rejects.toThrow(ModelFileIntegrityError);
    await expect(write).rejects.toThrow('hit-1.onnx: the stored bytes do not match their SHA-256');
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the file already cached when a replacement fails its check', async () => {
    await writeFile(join(dir, 'hit-1.onnx'), 'cached');
    await expect(writeAtomically(join(dir, 'hit-1.onnx'), bytes, sha256Hex('other bytes'))).rejects.toThrow(ModelFileIntegrityError);
    expect(await readFile(join(dir, 'hit-1.onnx'), 'utf8')).toBe('cached');
  });

  it('has no SHA-256 for a file that is not there', async () => {
    expect(await fileSha256(join(dir, 'missing.onnx'))).toBeNull();
  });
});
