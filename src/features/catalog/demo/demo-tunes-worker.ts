/** Worker thread of synthesizeTunesInWorker: synthesizes each job's tune in order and posts its WAV bytes. */
import { parentPort, workerData } from 'node:worker_threads';
import { synthesizeTune } from './demo-audio.js';
import type { TuneJob } from './demo-tunes.js';

export interface DemoTunesWorkerData {
  role: 'demo-tunes';
  jobs: TuneJob[];
}

if (parentPort && (workerData as Partial<DemoTunesWorkerData> | null)?.role === 'demo-tunes') {
  for (const job of (workerData as DemoTunesWorkerData).jobs) {
    const wav = synthesizeTune(job.style, job.seconds, job.seed);
    // A fresh copy whose buffer can move to the main thread (Buffer.concat may use the shared pool).
    const bytes = new Uint8Array(wav);
    parentPort.postMessage(bytes, [bytes.buffer]);
  }
}
