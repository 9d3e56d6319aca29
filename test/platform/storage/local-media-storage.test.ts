import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LocalMediaStorage } from '../../../src/platform/storage/local-media-storage.js';
import { describeMediaStorage } from './media-storage-behaviour.js';

let root: string;
let storage: LocalMediaStorage;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'encore-media-'));
  storage = new LocalMediaStorage(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describeMediaStorage('LocalMediaStorage', () => storage);
