import { Worker } from 'node:worker_threads';
import { compiledWorkerScript } from '../../../platform/common/worker-script.js';
import type { TuneStyle } from './demo-audio.js';
import { DEMO_ARTISTS } from './demo-catalog.js';
import type { DemoTunesWorkerData } from './demo-tunes-worker.js';

/** How long each demo song plays. */
export const DEMO_SONG_SECONDS = 15;

export interface TuneJob {
  style: TuneStyle;
  seconds: number;
  seed: number;
}

/** Every demo song's tune, in the order the catalog import walks artists, albums and songs. */
export function demoTuneJobs(seed: number): TuneJob[] {
  return DEMO_ARTISTS.flatMap((demo, artistIndex) =>
    demo.albums.flatMap((album, albumIndex) =>
      album.songs.map((_, songIndex) => ({
        style: demo.style,
        seconds: DEMO_SONG_SECONDS,
        seed: seed * 1000 + artistIndex * 100 + albumIndex * 10 + songIndex,
      })),
    ),
  );
}

/**
 * Synthesizes the tunes on a worker thread (about 0.3 s of CPU for the 17 demo songs, beside the
 * first start's other steps), one promise per job, each settled as its WAV arrives.
 */
export function synthesizeTunesInWorker(jobs: TuneJob[]): Promise<Buffer>[] {
  const settlers = jobs.map(() => {
    const settler = {} as { promise: Promise<Buffer>; resolve: (wav: Buffer) => void; reject: (error: unknown) => void };
    settler.promise = new Promise<Buffer>((resolve, reject) => Object.assign(settler, { resolve, reject }));
    return settler;
  });
  let received = 0;
  const failAll = (error: unknown) => {
    for (const settler of settlers.slice(received)) settler.reject(error);
  };
  let worker: Worker;
  try {
    const workerData: DemoTunesWorkerData = { role: 'demo-tunes', jobs };
    worker = new Worker(compiledWorkerScript('features/catalog/demo/demo-tunes-worker.js'), { workerData });
  } catch (error) {
    failAll(error);
    return settlers.map((settler) => settler.promise);
  }
  worker.on('message', (wav: Uint8Array) => settlers[received++]?.resolve(Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength)));
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the demo tune worker stopped (exit code ${code}) after ${received} of ${jobs.length} tunes`)));
  // Nobody may await a failed tune (the import stopped early): that is not an unhandled rejection.
  for (const settler of settlers) settler.promise.catch(() => undefined);
  return settlers.map((settler) => settler.promise);
}
