import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Bytes `start` to `end`, both inclusive (as HTTP ranges count). */
export interface ByteRange {
  start: number;
  end: number;
}

export type MediaKind = 'audio' | 'images';

/** Where uploaded audio and images live; one driver per deployment (STORAGE_DRIVER). */
export abstract class MediaStorage {
  /** Stores a local file (an upload's temporary file) under `key`. */
  abstract save(key: string, file: string, contentType: string): Promise<void>;
  /** The stored size in bytes, or null when nothing is stored under `key`. */
  abstract size(key: string): Promise<number | null>;
  /** The stored bytes, or the given range of them. */
  abstract open(key: string, range?: ByteRange): Promise<Readable>;
  /** Deletes `key`; nothing stored is not an error. */
  abstract remove(key: string): Promise<void>;

  /**
   * Deletes a file no row points to any more. A leftover file only wastes space, so a failure is
   * logged rather than failing a request whose database change already happened.
   */
  async discard(key: string): Promise<void> {
    await this.remove(key).catch((error: unknown) => new Logger('MediaStorage').warn(`Could not delete ${key}: ${String(error)}`));
  }
}

const KEY = /^(audio|images)\/[0-9a-f-]{36}\.[a-z0-9]{2,5}$/;
/** A model version's file (src/platform/models): its name in the models folder, no folders. */
const MODEL_KEY = /^models\/[A-Za-z0-9_][A-Za-z0-9._-]*\.(onnx|json)$/;

/** A new key for a file of `kind`: `audio/<uuid>.mp3`. Keys never come from user input. */
export const newMediaKey = (kind: MediaKind, extension: string) => `${kind}/${randomUUID()}.${extension}`;

/** The key of a model file in the object storage: `models/hit-20261123-072700-123.onnx`. */
export const modelFileKey = (fileName: string) => `models/${fileName}`;

/** Refuses anything but a key made by newMediaKey or modelFileKey (no paths, no traversal). */
export function assertMediaKey(key: string): void {
  if (!KEY.test(key) && !MODEL_KEY.test(key)) throw new Error(`Not a media key: ${JSON.stringify(key)}`);
}
