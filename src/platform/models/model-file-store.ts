import { Injectable, Logger } from '@nestjs/common';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { MediaStorage, modelFileKey } from '../storage/media-storage.js';
import type { ModelMetadata } from '../../generated/prisma/client.js';
import { fileSha256, removeAbandonedTemporaryFiles, sha256Hex, writeAtomically } from './model-file-cache.js';
import { modelFileName } from './model-card.js';

/** One file of a model version, by its name in the models folder. */
export interface ModelFileBytes {
  name: string;
  bytes: Uint8Array | string;
}

/** A `model_files` row before its version's id is known. */
export interface ModelFileRecord {
  fileName: string;
  sha256: string;
  size: number;
  /** Null when the bytes went to the object storage. */
  content: Uint8Array<ArrayBuffer> | null; // Prisma's Bytes
}

const CONTENT_TYPES = { onnx: 'application/octet-stream', json: 'application/json' } as const;

/**
 * Where a model version's files live: their bytes in `model_files` (or, with STORAGE_DRIVER=s3,
 * in the bucket under models/<file name>), each with its SHA-256; and MODELS_DIR, this
 * instance's cache of them, from which onnxruntime and the worker threads load.
 */
@Injectable()
export class ModelFileStore {
  private readonly logger = new Logger('Models');

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly media: MediaStorage,
  ) {}

  private get inObjectStorage(): boolean {
    return this.config.STORAGE_DRIVER === 's3';
  }

  /** Writes the files into the cache (each whole or not at all). */
  async writeCache(files: ModelFileBytes[]): Promise<void> {
    const dir = this.config.modelsDir;
    await mkdir(dir, { recursive: true });
    await removeAbandonedTemporaryFiles(dir);
    for (const file of files) await writeAtomically(join(dir, file.name), file.bytes);
  }

  /**
   * Caches the files of a new version and, with the object storage, uploads them; returns the
   * rows to insert with the version's, in its transaction.
   */
  async prepare(files: ModelFileBytes[]): Promise<ModelFileRecord[]> {
    await this.writeCache(files);
    return Promise.all(files.map((file) => this.record(file.name, typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes)));
  }

  private async record(fileName: string, bytes: Uint8Array): Promise<ModelFileRecord> {
    const stored = { fileName, sha256: sha256Hex(bytes), size: bytes.byteLength };
    if (!this.inObjectStorage) return { ...stored, content: bytes as Uint8Array<ArrayBuffer> }; // never shared memory here
    // S3 writes an object whole or not at all; one no row points to (a crash before the commit) only wastes space.
    const extension = fileName.endsWith('.json') ? 'json' : 'onnx';
    await this.media.save(modelFileKey(fileName), join(this.config.modelsDir, fileName), CONTENT_TYPES[extension]);
    return { ...stored, content: null };
  }

  /**
   * Makes the cache hold the version's files as stored: a cached file whose SHA-256 matches is
   * used as it is; a missing or different one is fetched, checked and written whole. A version
   * registered before files were stored, and never backfilled, is read from the cache alone.
   */
  async cache(row: Pick<ModelMetadata, 'id'>): Promise<void> {
    const files = await this.prisma.modelFile.findMany({ where: { modelId: row.id }, select: { fileName: true, sha256: true } });
    if (files.length === 0) return;
    const dir = this.config.modelsDir;
    await mkdir(dir, { recursive: true });
    for (const file of files) {
      const path = join(dir, file.fileName);
      if ((await fileSha256(path)) === file.sha256) continue;
      // The bytes are dropped once written: the models are served from the file, not from memory.
      await writeAtomically(path, await this.fetch(row.id, file.fileName), file.sha256);
      this.logger.log(`Fetched ${file.fileName} into the model cache`);
    }
  }

  private async fetch(modelId: number, fileName: string): Promise<Uint8Array | Readable> {
    const stored = await this.prisma.modelFile.findUniqueOrThrow({ where: { modelId_fileName: { modelId, fileName } }, select: { content: true } });
    if (stored.content) return stored.content;
    if (!this.inObjectStorage) throw new Error(`${fileName} is in the object storage, and this instance has STORAGE_DRIVER=${this.config.STORAGE_DRIVER}`);
    return this.media.open(modelFileKey(fileName));
  }

  /**
   * Versions registered before files were stored have theirs in MODELS_DIR only (a migration
   * cannot read files): stores those this instance has. Instances starting together may store
   * the same file: the first row stays.
   */
  async backfill(): Promise<void> {
    const rows = await this.prisma.modelMetadata.findMany({ where: { files: { none: {} } }, orderBy: { id: 'asc' } });
    for (const row of rows) {
      const names = [row.path, modelFileName(row.modelName, row.modelVersion, 'json')];
      const bytes = await Promise.all(names.map((name) => readFile(join(this.config.modelsDir, name)).catch(() => null)));
      if (bytes.some((file) => file === null)) {
        this.logger.warn(
          `${row.modelName} model ${row.modelVersion} has no stored files and not both in MODELS_DIR here: it stays file-backed (only an instance with its files can load it)`,
        );
        continue;
      }
      const records = await Promise.all(names.map((name, i) => this.record(name, bytes[i]!)));
      await this.prisma.modelFile.createMany({ data: records.map((record) => ({ ...record, modelId: row.id })), skipDuplicates: true });
      this.logger.log(`Stored the files of ${row.modelName} model ${row.modelVersion} from MODELS_DIR`);
    }
  }
}
