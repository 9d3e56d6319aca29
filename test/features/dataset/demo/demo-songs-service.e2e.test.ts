import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATASET, DEMO_SONG_COUNT, DemoSongsService } from '../../../../src/features/dataset/demo/demo-songs.service.js';
import { createDatasetSong } from '../../../support/dataset-rows.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

describe('demo songs at first start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('completes a demo import that a killed start left half done, adding each missing song once', async () => {
    const demo = t.app.get(DemoSongsService);
    // A start killed after the importer committed its first batches: only the first demo songs are stored.
    await demo.import(DEMO_SONG_COUNT);
    await t.prisma.$executeRaw`DELETE FROM songs WHERE id > (SELECT min(id) + 1499 FROM songs)`;
    await demo.importIfEmpty();
    expect(await t.prisma.song.count({ where: { dataset: DEMO_DATASET } })).toBe(DEMO_SONG_COUNT);
    expect(await demo.importIfEmpty()).toBeUndefined();
  });

  it('leaves a song table holding other songs alone', async () => {
    await t.prisma.$executeRaw`TRUNCATE songs RESTART IDENTITY CASCADE`;
    await createDatasetSong(t, 'Harbour Lights', 'The Tidewaters');
    expect(await t.app.get(DemoSongsService).importIfEmpty()).toBeUndefined();
    expect(await t.prisma.song.count()).toBe(1);
  });
});
