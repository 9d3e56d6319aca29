import { describe, expect, it } from 'vitest';
import { synthesizeTune } from '../../../src/features/catalog/demo/demo-audio.js';
import { DEMO_ARTISTS } from '../../../src/features/catalog/demo/demo-catalog.js';
import { demoTuneJobs, synthesizeTunesInWorker } from '../../../src/features/catalog/demo/demo-tunes.js';

describe('demo tunes on a worker thread', () => {
  it('plans one tune per demo song, in the catalog import order', () => {
    const songs = DEMO_ARTISTS.flatMap((artist) => artist.albums.flatMap((album) => album.songs.map(() => artist.style)));
    expect(demoTuneJobs(7).map((job) => job.style)).toEqual(songs);
  });

  it('gives the same WAV bytes as synthesizing on the main thread', async () => {
    const jobs = demoTuneJobs(7)
      .slice(0, 2)
      .map((job) => ({ ...job, seconds: 2 }));
    const wavs = await Promise.all(synthesizeTunesInWorker(jobs));
    expect(wavs.map((wav, i) => wav.equals(synthesizeTune(jobs[i]!.style, jobs[i]!.seconds, jobs[i]!.seed)))).toEqual([true, true]);
  });
});
