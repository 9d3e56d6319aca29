import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BUILT = resolve('dist/young-generation.js');
const MB = 2 ** 20;

/**
 * The largest young generation of a process that keeps garbage alive across a few scavenges (so
 * V8 grows its young generation) and yields between rounds, as a server does between requests;
 * with `capped`, after the built server's releaseYoungGeneration.
 */
async function largestYoungGeneration(capped: boolean): Promise<number> {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    if (${capped}) (await import(${JSON.stringify(BUILT)})).releaseYoungGeneration();
    const youngGeneration = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
    let largest = 0;
    let kept = [];
    for (let round = 0; round < 400; round++) {
      kept.push(Array.from({ length: 20000 }, (_, i) => ({ i, round })));
      if (kept.length > 20) kept = kept.slice(10);
      await new Promise((resolve) => setImmediate(resolve));
      largest = Math.max(largest, youngGeneration());
    }
    console.log(largest);`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  return Number(stdout.trim());
}

describe('the server’s young generation', () => {
  it('grows to 16 MB under a steady allocation, where V8 alone grows it to 32 MB', async () => {
    expect(await largestYoungGeneration(false)).toBe(32 * MB);
    expect(await largestYoungGeneration(true)).toBe(16 * MB);
  });
});
