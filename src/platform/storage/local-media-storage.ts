import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { assertMediaKey, MediaStorage, type ByteRange } from './media-storage.js';

/** Files under one folder (MEDIA_DIR), written to a temporary name then renamed, so no reader sees half a file. */
export class LocalMediaStorage extends MediaStorage {
  constructor(private readonly root: string) {
    super();
  }

  async save(key: string, file: string): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    await copyFile(file, partial);
    await rename(partial, target);
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.path(key))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async open(key: string, range?: ByteRange): Promise<Readable> {
    return createReadStream(this.path(key), range);
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private path(key: string): string {
    assertMediaKey(key);
    return join(this.root, key);
  }
}
