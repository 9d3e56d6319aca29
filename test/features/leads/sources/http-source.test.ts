import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  HttpJsonSource,
  SourceResponseError,
  SourceUnavailableError,
  type AttemptReport,
  type HttpJsonSourceOptions,
} from '../../../../src/features/leads/sources/http-source.js';
import { FakeMusicBrainz, REALISTIC } from '../../../support/fake-musicbrainz.js';
import { freePort } from '../../../support/free-port.js';

describe('HttpJsonSource', () => {
  const fake = new FakeMusicBrainz();
  const artistPath = `artist/${REALISTIC.ids.tuiHarbour}`;
  let reports: AttemptReport[];
  let pauses: number[];
  const source = (options: Partial<HttpJsonSourceOptions> = {}) =>
    new HttpJsonSource({
      source: 'fake',
      displayName: 'Fake',
      baseUrl: fake.url + '/',
      userAgent: 'EncoreTest/1.0 ( tests@encore.invalid )',
      timeoutMs: 1000,
      maxRetries: 3,
      baseDelayMs: 40,
      maxRetryAfterMs: 2000,
      afterAttempt: (report) => void reports.push(report),
      onRetryAfter: async (delayMs) => void pauses.push(delayMs),
      ...options,
    });

  beforeAll(async () => {
    await fake.start();
    fake.addRealisticFixtures();
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.clearFaults();
    reports = [];
    pauses = [];
  });

  it('builds URLs under the base URL, writing spaces in a query as "+"', () => {
    expect(source().url('/artist/x', { fmt: 'json', inc: 'url-rels tags' }).href).toBe(`${fake.url}/artist/x?fmt=json&inc=url-rels+tags`);
  });

  it('sends its User-Agent and asks for JSON, and reports each attempt', async () => {
    expect(await source().getJson('artist', artistPath, { fmt: 'json' })).toMatchObject({ status: 200, body: { name: 'Tui Harbour' } });
    expect(fake.requests[0]!.userAgent).toBe('EncoreTest/1.0 ( tests@encore.invalid )');
    expect(reports).toEqual([{ status: 200, failed: false, durationMs: expect.any(Number) }]);
  });

  it('backs off exponentially with jitter: half the delay for sure, the rest at random', async () => {
    fake.script('artist/', { status: 502 }, { status: 503 }, { status: 504 });
    await source({ random: () => 0 }).getJson('artist', artistPath, { fmt: 'json' });
    const gaps = fake.gaps();
    // 20, 40, 80 ms with random() = 0 (base 40 ms doubling, halved).
    expect(gaps[0]).toBeGreaterThanOrEqual(20 - 5);
    expect(gaps[1]).toBeGreaterThanOrEqual(40 - 5);
    expect(gaps[2]).toBeGreaterThanOrEqual(80 - 5);
    expect(reports.map((report) => [report.status, report.failed])).toEqual([
      [502, true],
      [503, true],
      [504, true],
      [200, false],
    ]);
  });

  it('fails at once, telling the limiter, when a Retry-After asks for longer than allowed', async () => {
    fake.script('artist/', { status: 429, headers: { 'Retry-After': '120' } });
    await expect(source().getJson('artist', artistPath, { fmt: 'json' })).rejects.toThrow(SourceUnavailableError);
    expect(fake.requests).toHaveLength(1);
    expect(pauses).toEqual([2000]);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    fake.script('artist/', { status: 503, headers: { 'Retry-After': new Date(Date.now() + 2000).toUTCString() } });
    await source({ random: () => 0 }).getJson('artist', artistPath, { fmt: 'json' });
    expect(pauses).toHaveLength(1);
    expect(pauses[0]).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(2);
  });

  it.each([401, 403, 400])('takes a %i as the answer: SourceResponseError, no retry', async (status) => {
    fake.script('artist/', { status, body: { error: 'Nope' } });
    const error = await source()
      .getJson('artist', artistPath, { fmt: 'json' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceResponseError);
    expect(error).toMatchObject({ status, source: 'fake', message: `Fake artist: HTTP ${status}: Nope` });
    expect(fake.requests).toHaveLength(1);
  });

  it('turns an unreachable server into SourceUnavailableError, never a raw TypeError', async () => {
    const unreachable = source({ baseUrl: `http://127.0.0.1:${await freePort()}/ws/2`, maxRetries: 1 });
    const error = await unreachable.getJson('artist', artistPath).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toMatch(/^Fake artist failed after 2 attempt\(s\): fetch failed \(ECONNREFUSED\)/);
    expect(reports).toEqual([
      { status: undefined, failed: true, durationMs: expect.any(Number) },
      { status: undefined, failed: true, durationMs: expect.any(Number) },
    ]);
  });

  it('gives the timeout as the reason when no attempt answers in time', async () => {
    fake.script('artist/', { delayMs: 400 }, { delayMs: 400 });
    await expect(source({ timeoutMs: 100, maxRetries: 1 }).getJson('artist', artistPath)).rejects.toThrow(
      'Fake artist failed after 2 attempt(s): no answer within 100 ms',
    );
  });

  it('answers null to a 404 and keeps going after a hook that throws', async () => {
    const answer = await source({ afterAttempt: () => Promise.reject(new Error('accounting down')) }).getJson(
      'artist',
      'artist/11111111-2222-4333-8444-555555555555',
      { fmt: 'json' },
    );
    expect(answer).toBeNull();
  });
});
