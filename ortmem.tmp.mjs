import { readFileSync } from 'node:fs';
const roll = () => { const rs = readFileSync('/proc/self/smaps_rollup', 'utf8'); const anon = +/Anonymous:\s+(\d+)/.exec(rs)[1]; const rss = +/Rss:\s+(\d+)/.exec(rs)[1]; return `rss ${(rss/1024).toFixed(0)} anon ${(anon/1024).toFixed(0)} file ${((rss-anon)/1024).toFixed(0)} heap ${(process.memoryUsage().heapUsed/2**20).toFixed(0)}`; };
console.log('start      ', roll());
const ort = await import('onnxruntime-node');
console.log('imported   ', roll());
const s = await ort.InferenceSession.create(process.argv[2], { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
console.log('session    ', roll());
globalThis.gc?.(); console.log('after gc   ', roll());
