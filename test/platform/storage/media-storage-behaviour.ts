import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMediaKey, type MediaStorage } from '../../../src/platform/storage/media-storage.js';

/**
 * What every MediaStorage driver must do, run against each one: `storage()` is called in the
 * tests, after the driver file's own beforeAll has made the driver.
 */
export function describeMediaStorage(name: string, storage: () => MediaStorage): void {
  describe(`${name}: the MediaStorage behaviours`, () => {
    // Larger than a stream's 64 KiB chunks, so reads span several chunks.
    const bytes = randomBytes(300_000);
    let folder: string;
    let file: string;

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'encore-media-upload-'));
      file = join(folder, 'upload.mp3');
      await writeFile(file, bytes);
    });
    afterAll(() => rm(folder, { recursive: true, force: true }));

    it('stores a file: its size, then its bytes', async () => {
      const key = newMediaKey('audio', 'mp3');
      await storage().save(key, file, 'audio/mpeg');
      expect(await storage().size(key)).toBe(bytes.length);
      expect((await buffer(await storage().open(key))).equals(bytes)).toBe(true);
    });

    it('reads exactly an inclusive byte range', async () => {
      const key = newMediaKey('audio', 'mp3');
      await storage().save(key, file, 'audio/mpeg');
      const read = async (start: number, end: number) => buffer(await storage().open(key, { start, end }));
      expect((await read(70_000, 199_999)).equals(bytes.subarray(70_000, 200_000))).toBe(true);
      expect((await read(0, 0)).equals(bytes.subarray(0, 1))).toBe(true);
      expect((await read(bytes.length - 10, bytes.length - 1)).equals(bytes.subarray(-10))).toBe(true);
    });

    it('removes a key: then nothing is stored, and removing again is no error', async () => {
      const key = newMediaKey('images', 'png');
      await storage().save(key, file, 'image/png');
      await storage().remove(key);
      expect(await storage().size(key)).toBeNull();
      await expect(storage().remove(key)).resolves.toBeUndefined();
    });

    it('has no size for a key never stored', async () => {
      expect(await storage().size(newMediaKey('audio', 'flac'))).toBeNull();
    });

    it('refuses anything but a media key, before touching the store', async () => {
      for (const key of ['../etc/passwd', 'audio/../../etc/passwd', '/etc/passwd', 'audio/not-a-uuid.mp3']) {
        await expect(storage().save(key, file, 'audio/mpeg')).rejects.toThrow(/Not a media key/);
        await expect(storage().size(key)).rejects.toThrow(/Not a media key/);
        await expect(storage().open(key)).rejects.toThrow(/Not a media key/);
        await expect(storage().remove(key)).rejects.toThrow(/Not a media key/);
      }
    });
  });
}
