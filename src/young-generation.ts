/**
 * Imported by main.ts right after heap-growth.ts, before the server is loaded: while the server
 * loads and builds its app, V8's young generation keeps its first size (1 MB per semi-space)
 * instead of doubling up to 2 × 16 MB as start-up's long-lived objects survive their scavenges.
 * Left grown, those 32 MB sit nearly empty (5 MB used) from the first request on; held, a
 * restarted server's RSS at start is about 20 MB lower (docs/benchmarks.md, "Server RSS at start:
 * a session on first use, the young generation held"). V8's own growth applies again from the
 * first-start steps on (their demo data and trainings need the room; a restart skips them), so a
 * server under load gets the young generation its garbage needs. The CLI does not hold it (an
 * import's batches need the room). V8 reads the flag at each growth, so setting it here works;
 * one given on the command line wins.
 */
import { setFlagsFromString } from 'node:v8';

const FLAG = '--semi-space-growth-factor';
/** V8's default (flag-definitions.h): the young generation doubles each time it grows. */
const V8_DEFAULT_GROWTH_FACTOR = 2;

const heldHere = !process.execArgv.some((arg) => arg.startsWith(FLAG));
if (heldHere) setFlagsFromString(`${FLAG}=1`);

/** Lets the young generation grow again, as V8 would have it (the app is built). */
export function releaseYoungGeneration(): void {
  if (heldHere) setFlagsFromString(`${FLAG}=${V8_DEFAULT_GROWTH_FACTOR}`);
}
