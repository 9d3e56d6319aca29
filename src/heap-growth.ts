/**
 * Imported first by main.ts, before the modules allocate: V8 lets the old generation grow to 1.5×
 * its live size before the next full collection, instead of up to 4× under a high allocation rate.
 * Under load the JS heap otherwise climbs from about 76 MB to 250–325 MB between collections; with
 * this the server's peak RSS stays near 300 MB at a CPU cost within noise (docs/benchmarks.md, "Start
 * and memory held at start"). V8 reads this flag at each collection, so setting it here works;
 * a `--heap-growing-percent` given on the command line wins.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
