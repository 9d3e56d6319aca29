import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/platform/config/app-config.js';
import { ConfigModule } from '../../../src/platform/config/config.module.js';
import { projectRoot } from '../../../src/platform/config/paths.js';
import { MediaStorage, newMediaKey } from '../../../src/platform/storage/media-storage.js';
import { StorageModule } from '../../../src/platform/storage/storage.module.js';
import { S3MediaStorage } from '../../../src/platform/storage/s3-media-storage.js';
import { FakeS3 } from '../../support/fake-s3.js';
import { describeMediaStorage } from './media-storage-behaviour.js';

let s3: FakeS3;
let storage: S3MediaStorage;

beforeAll(async () => {
  s3 = await FakeS3.start('encore-media');
  storage = new S3MediaStorage({ bucket: s3.bucket, region: 'eu-west-1', endpoint: s3.endpoint, accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' });
});
afterAll(() => s3?.stop());

describeMediaStorage('S3MediaStorage', () => storage);

describe('S3MediaStorage against the S3 API', () => {
  it('puts the plain file bytes with their content type, path-style, signed with the configured key', async () => {
    const file = join(projectRoot, 'package.json');
    const key = newMediaKey('images', 'webp');
    await storage.save(key, file, 'image/webp');

    expect(s3.objects.get(key)).toEqual({ body: await readFile(file), contentType: 'image/webp' });
    const put = s3.requests.findLast((request) => request.method === 'PUT')!;
    expect(put.path).toBe(`/encore-media/${key}`);
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-west-1\/s3\/aws4_request,/);
  });

  it('reports errors other than a missing key', async () => {
    const elsewhere = new S3MediaStorage({
      bucket: 'no-such-bucket',
      region: 'eu-west-1',
      endpoint: s3.endpoint,
      accessKeyId: 'AKIDTEST',
      secretAccessKey: 'test-secret',
    });
    await expect(elsewhere.open(newMediaKey('audio', 'mp3'))).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  it('wants both halves of a static key or neither', () => {
    expect(() => new S3MediaStorage({ bucket: 'b', region: 'us-east-1', accessKeyId: 'AKIDTEST' })).toThrow(/set together/);
  });
});

describe('StorageModule', () => {
  it('serves the S3 driver, configured from the environment, when STORAGE_DRIVER=s3', async () => {
    const config = loadConfig(s3.appEnv());
    @Module({ imports: [ConfigModule.forRoot(config), StorageModule] })
    class Root {}
    const context = await NestFactory.createApplicationContext(Root, { logger: false });
    try {
      const media = context.get(MediaStorage);
      expect(media).toBeInstanceOf(S3MediaStorage);
      const key = newMediaKey('audio', 'mp3');
      await media.save(key, join(projectRoot, 'package.json'), 'audio/mpeg');
      expect(s3.objects.has(key)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
