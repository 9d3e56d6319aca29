import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeMusicBrainz } from '../../../support/fake-musicbrainz.js';
import { createSourcesContext, resetSources, type SourcesContext } from './sources-context.js';

const INTERVAL_MS = 200;
/**
 * Claims are spaced exactly on the database's clock, but the request leaves after its claim
 * comes back and the fake (in this same process) logs it when its handler runs: on a loaded
 * machine either may lag, shortening one gap and lengthening the next. So the rule is checked as
 * a server applies it, per window (at most one request per interval, plus one at the window's
 * edge), and in all.
 */
const WINDOW_MS = 5 * INTERVAL_MS;
const PER_WINDOW = WINDOW_MS / INTERVAL_MS + 1;

describe('SourceRateLimiter shared through PostgreSQL', () => {
  const fake = new FakeMusicBrainz();
  let first: SourcesContext;
  let second: SourcesContext;
  let isrcs: string[];

  beforeAll(async () => {
    await fake.start();
    isrcs = fake.addSyntheticCatalog(20);
    // Two instances of the app: each its own providers and connection pool, one database.
    first = await createSourcesContext(fake.env({ MUSICBRAINZ_MIN_INTERVAL_MS: String(INTERVAL_MS) }));
    second = await createSourcesContext(fake.env({ MUSICBRAINZ_MIN_INTERVAL_MS: String(INTERVAL_MS) }), first);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await fake.stop();
  });
  beforeEach(async () => {
    fake.requests.length = 0;
    fake.clearFaults();
    await resetSources(first.prisma);
  });

  it('keeps two independent clients firing 10 lookups each at once to one request per interval', async () => {
    expect(first.prisma).not.toBe(second.prisma);
    await Promise.all([
      ...isrcs.slice(0, 10).map((isrc) => first.musicBrainz.lookupIsrc(isrc)),
      ...isrcs.slice(10, 20).map((isrc) => second.musicBrainz.lookupIsrc(isrc)),
    ]);
    expect(fake.requests).toHaveLength(20);
    expect(fake.busiestWindow(WINDOW_MS)).toBeLessThanOrEqual(PER_WINDOW);
    // Back to back, not spread out more than needed: the whole run takes about 19 intervals.
    const span = fake.gaps().reduce((sum, gap) => sum + gap, 0);
    expect(span).toBeGreaterThanOrEqual(18 * INTERVAL_MS);
    expect(span).toBeLessThan(19 * INTERVAL_MS + 1500);
  });

  it('keeps retries inside the schedule too', async () => {
    fake.faultEvery(3, { status: 503 }, 'isrc/');
    await Promise.all([
      ...isrcs.slice(0, 4).map((isrc) => first.musicBrainz.lookupIsrc(isrc)),
      ...isrcs.slice(4, 8).map((isrc) => second.musicBrainz.lookupIsrc(isrc)),
    ]);
    expect(fake.requests.filter((request) => request.status === 503).length).toBeGreaterThanOrEqual(2);
    expect(fake.requests.filter((request) => request.status === 200)).toHaveLength(8);
    expect(fake.busiestWindow(WINDOW_MS)).toBeLessThanOrEqual(PER_WINDOW);
  });

  it('books consecutive slots one interval apart on the database clock, whoever asks', async () => {
    const slots = await Promise.all([first.limiter.acquire('test', 100), second.limiter.acquire('test', 100), first.limiter.acquire('test', 100)]);
    const times = slots.map((slot) => slot.slotAt.getTime()).sort((a, b) => a - b);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(100);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(100);
    expect(Math.max(...slots.map((slot) => slot.waitedMs))).toBeGreaterThanOrEqual(150);
    const state = await second.limiter.state('test');
    expect(state.nextSlotAt!.getTime()).toBe(times[2]! + 100);
  });

  it('defers every caller when a source asks for a pause, and books nothing for an interval of 0', async () => {
    await first.limiter.defer('paused', 300);
    const started = Date.now();
    const slot = await second.limiter.acquire('paused', 10);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(slot.waitedMs).toBeGreaterThanOrEqual(250);

    expect(await first.limiter.acquire('unlimited', 0)).toMatchObject({ waitedMs: 0 });
    expect(await first.limiter.state('unlimited')).toEqual({ nextSlotAt: null, waitMs: 0 });
  });
});
