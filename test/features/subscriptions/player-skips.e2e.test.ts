import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { subscriptionCalls } from './subscription-calls.js';

const MINUTE_MS = 60_000;

describe('player skips', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const { me, subscribe, join } = subscriptionCalls(() => t);
  const skip = (account: TestAccount, body: Record<string, unknown> = {}) =>
    request(t.http).post('/api/player/skip').set('authorization', account.bearer).send(body);
  /** Skips made `minutesAgo`, as if the listener had skipped then. */
  const pastSkips = (account: TestAccount, count: number, minutesAgo: number) =>
    t.prisma.playerSkip.createMany({
      data: Array.from({ length: count }, () => ({ userId: account.id, createdAt: new Date(Date.now() - minutesAgo * MINUTE_MS) })),
    });

  it("refuses a free listener's 7th skip within an hour, saying when the next one is allowed", async () => {
    const account = await createAccount(t);
    for (let left = 5; left >= 0; left--) expect((await skip(account).expect(200)).body).toEqual({ skips_left: left, plan: 'free' });
    const refused = await skip(account).expect(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Free listeners can skip 6 songs an hour: next skip in 60 minutes; Premium has unlimited skips',
      retry_after: expect.any(Number),
    });
    expect(refused.body.retry_after).toBeGreaterThan(3590);
    expect(refused.body.retry_after).toBeLessThanOrEqual(3600);
    expect(refused.headers['retry-after']).toBe(String(refused.body.retry_after));
    expect(await t.prisma.playerSkip.count({ where: { userId: account.id } })).toBe(6);
    expect((await me(account)).body.skips_left).toBe(0);
  });

  it('counts a rolling hour: older skips do not count, and the wait is until the oldest counted one is an hour old', async () => {
    const account = await createAccount(t);
    await pastSkips(account, 10, 61);
    await pastSkips(account, 5, 50);
    expect((await skip(account).expect(200)).body.skips_left).toBe(0);
    const refused = await skip(account).expect(429);
    expect(refused.body.message).toContain('next skip in 10 minutes');
    expect(refused.body.retry_after).toBeGreaterThan(9 * 60);
    expect(refused.body.retry_after).toBeLessThanOrEqual(10 * 60);
  });

  it('lets only 6 of many simultaneous skips through', async () => {
    const account = await createAccount(t);
    const answers = await Promise.all(Array.from({ length: 9 }, () => skip(account)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(6);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(3);
    expect(await t.prisma.playerSkip.count({ where: { userId: account.id } })).toBe(6);
  });

  it('gives premium listeners and members of a family plan unlimited skips', async () => {
    const [premium, owner, member] = await Promise.all([createAccount(t), createAccount(t), createAccount(t)]);
    await subscribe(premium, 'premium').expect(200);
    await subscribe(owner, 'family').expect(200);
    await join(owner, member);
    for (let i = 0; i < 8; i++) {
      expect((await skip(premium).expect(200)).body).toEqual({ skips_left: null, plan: 'premium' });
      expect((await skip(member).expect(200)).body).toEqual({ skips_left: null, plan: 'family' });
    }
  });

  it('records the song skipped, and names a bad or unknown song_id', async () => {
    const account = await createAccount(t);
    const artist = await t.prisma.artist.create({ data: { name: 'Skip Band', searchText: 'skip band' } });
    const song = await t.prisma.catalogSong.create({
      data: {
        title: 'Skipped',
        artistId: artist.id,
        audioKey: 'x.mp3',
        audioFormat: 'mp3',
        mimeType: 'audio/mpeg',
        sizeBytes: 1,
        durationMs: 1000,
        searchText: 'skipped',
      },
    });
    await skip(account, { song_id: song.id }).expect(200);
    expect(await t.prisma.playerSkip.findFirst({ where: { userId: account.id } })).toMatchObject({ songId: song.id });
    expect((await skip(account, { song_id: 'abc' }).expect(400)).body.message).toBe('song_id must be a UUID');
    expect((await skip(account, { song_id: '00000000-0000-4000-8000-000000000000' }).expect(404)).body.message).toBe(
      'song_id 00000000-0000-4000-8000-000000000000 names no song',
    );
    expect((await skip(account, { track: 1 }).expect(400)).body.message).toBe('track is not an allowed field');
  });
});
