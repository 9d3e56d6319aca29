import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthCleanupJob } from '../../../src/features/auth/auth-cleanup.job.js';
import { createAccount } from '../../support/accounts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const DAY = 86_400_000;

describe('the daily authentication cleanup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('deletes login attempts older than a day and login sessions and refresh tokens dead for over a week, keeping live sessions', async () => {
    const account = await createAccount(t);
    const now = Date.now();
    await t.prisma.loginAttempt.createMany({
      data: [
        { ip: '198.51.100.1', account: 'old', succeeded: false, createdAt: new Date(now - 2 * DAY) },
        { ip: '198.51.100.1', account: 'recent', succeeded: false, createdAt: new Date(now - DAY / 2) },
      ],
    });
    const live = await t.prisma.loginSession.create({ data: { userId: account.id, expiresAt: new Date(now + DAY) } });
    await t.prisma.refreshToken.createMany({
      data: [
        { userId: account.id, sessionId: live.id, tokenHash: 'expired', expiresAt: new Date(now - 8 * DAY) },
        { userId: account.id, sessionId: live.id, tokenHash: 'revoked-long-ago', expiresAt: new Date(now + DAY), revokedAt: new Date(now - 8 * DAY) },
        { userId: account.id, sessionId: live.id, tokenHash: 'revoked-yesterday', expiresAt: new Date(now + DAY), revokedAt: new Date(now - DAY) },
      ],
    });
    const ended = await Promise.all(
      [
        { expiresAt: new Date(now - 8 * DAY) },
        { expiresAt: new Date(now + DAY), revokedAt: new Date(now - 8 * DAY) },
        { expiresAt: new Date(now + DAY), revokedAt: new Date(now - DAY) },
      ].map((dates) => t.prisma.loginSession.create({ data: { userId: account.id, ...dates } })),
    );
    const removed = await t.app.get(AuthCleanupJob).cleanUp();
    expect(removed).toEqual({ login_attempts: 1, login_sessions: 2, refresh_tokens: 2 });
    expect((await t.prisma.loginAttempt.findMany({ where: { ip: '198.51.100.1' } })).map((row) => row.account)).toEqual(['recent']);
    const kept = await t.prisma.loginSession.findMany({ where: { id: { in: [live.id, ...ended.map((session) => session.id)] } }, select: { id: true } });
    expect(kept.map((session) => session.id).sort()).toEqual([live.id, ended[2]!.id].sort());
    await request(t.http).post('/api/auth/refresh').send({ refresh_token: account.refreshToken }).expect(200);
  });
});
