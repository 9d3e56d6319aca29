/**
 * Imported by main.ts right after heap-growth.ts, before the server is loaded: while the server
 * loads and builds its app, V8's young generation keeps its first size (1 MB per semi-space)
 * instead of doubling up to 2 × 16 MB as start-up's long-lived objects survive their scavenges.
 * Left grown, those 32 MB sit nearly empty (5 MB used) from the first request on; held, a
 * restarted server's RSS at start is about 20 MB lower (docs/benchmarks.md, "Server RSS at start:
 * a session on first use, the young generation held"). V8's own growth applies again from the
 * first-start steps on (their demo data and trainings need the room; a restart skips them), so a
 * server under load gets the young generation its garbage needs, up to half V8's largest. The
 * CLI does not hold it (an import's batches need the room). V8 reads the flag at each growth, so
 * setting it here works; one given on the command line wins.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

const FLAG = '--semi-space-growth-factor';
/** V8's default (flag-definitions.h): the young generation doubles each time it grows. */
const V8_DEFAULT_GROWTH_FACTOR = 2;
/**
 * The young generation's size past which it is not grown: half of V8's 2 × 16 MB. Under six
 * clients looping 10,000-row batches the server's peak RSS is about 12 MB lower (docs/benchmarks.md,
 * "Batch predictions under load").
 */
const MAX_YOUNG_GENERATION_BYTES = 16 * 2 ** 20;

const heldHere = !process.execArgv.some((arg) => arg.startsWith(FLAG));
if (heldHere) setFlagsFromString(`${FLAG}=1`);

const youngGenerationBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/**
 * Lets the young generation grow again, as V8 would have it (the app is built), up to
 * MAX_YOUNG_GENERATION_BYTES: after each collection, growth is allowed only while it is smaller
 * (V8 also shrinks it when allocation slows, and may grow it back). Collections are reported on a
 * later turn of the event loop, so one turn that allocates tens of megabytes may still grow it once more.
 */
export function releaseYoungGeneration(): void {
  if (!heldHere) return;
  let growthFactor = 0;
  const cap = () => {
    const next = youngGenerationBytes() < MAX_YOUNG_GENERATION_BYTES ? V8_DEFAULT_GROWTH_FACTOR : 1;
    if (next !== growthFactor) setFlagsFromString(`${FLAG}=${(growthFactor = next)}`);
  };
  cap();
  new PerformanceObserver(cap).observe({ entryTypes: ['gc'] });
}
