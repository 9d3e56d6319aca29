import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { isProcessAlive } from '../common/process-alive.js';

/** The SHA-256 of some bytes, in hex, as model_files.sha256 stores it. */
export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** The SHA-256 of a file, in hex; null when there is no such file. */
export async function fileSha256(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return hash.digest('hex');
}

/** The bytes do not match the SHA-256 stored with them: damaged in storage or on the way. */
export class ModelFileIntegrityError extends Error {}

/**
 * Written to `<path>.<random>.<pid>.tmp` (two writers of one file never share it), flushed to disk, then renamed: neither a killed process nor a
 * power cut leaves half a model under its name. Given `sha256`, the bytes written must match it,
 * or nothing is renamed and ModelFileIntegrityError is thrown.
 */
export async function writeAtomically(path: string, data: string | Uint8Array | Readable, sha256?: string): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.${process.pid}.tmp`;
  const hash = createHash('sha256');
  const file = await open(temporary, 'w');
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) {
      hash.update(data);
      await file.writeFile(data);
    } else {
      for await (const chunk of data) {
        hash.update(chunk as Buffer);
        await file.write(chunk as Buffer);
      }
    }
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  if (sha256 !== undefined && hash.digest('hex') !== sha256) {
    await rm(temporary, { force: true });
    throw new ModelFileIntegrityError(`${basename(path)}: the stored bytes do not match their SHA-256`);
  }
  await rename(temporary, path);
}

/** Temporary files of writers whose process died before renaming them (`<name>.<pid>.tmp`). */
export async function removeAbandonedTemporaryFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const pid = Number(/\.(\d+)\.tmp$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isProcessAlive(pid)) await rm(join(dir, name), { force: true });
  }
}
