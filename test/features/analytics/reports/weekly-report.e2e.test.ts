import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../src/features/analytics/ingestion/metric-rows.js';
import { lastCompleteWeek, weeklyReportKey, weeklyReportSubject } from '../../../../src/features/analytics/reports/weekly-report.js';
import { ANALYTICS_WEEKLY_REPORT_QUEUE } from '../../../../src/features/analytics/reports/weekly-report.job.js';
import { WeeklyReportService } from '../../../../src/features/analytics/reports/weekly-report.service.js';
import { JobQueueService } from '../../../../src/platform/jobs/job-queue.service.js';
import { createAccount, type TestAccount } from '../../../support/accounts.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

const ARTIST_NAME = 'Tom & <Jerry>';

describe('weekly report mail', () => {
  let t: TestApp;
  let artist: TestAccount;
  let member: TestAccount;
  let artistId: string;
  const week = lastCompleteWeek(new Date());
  const subject = weeklyReportSubject(ARTIST_NAME, week.week);

  beforeAll(async () => {
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off', JOB_CRON_CHECK_SECONDS: '1' });
    [artist, member] = await Promise.all([createAccount(t, 'artist'), createAccount(t, 'user')]);
    artistId = artist.artistId!;
    await t.prisma.artist.update({ where: { id: artistId }, data: { name: ARTIST_NAME } });
    await t.prisma.artistTeamMember.create({ data: { artistId, userId: member.id } });

    // 14 days, the reported week and the week before: Spotify followers 1000 + 10 i, streams 100 + i
    // and 8 engagement a day; Instagram a steady 200 followers and 2 likes a day.
    const metrics = Array.from({ length: 14 }, (_, i) => [
      { platform: 'spotify', date: addDays(week.previousStart, i), followers: 1000 + 10 * i, streams: 100 + i, likes: 5, comments: 1, shares: 1, saves: 1 },
      { platform: 'instagram', date: addDays(week.previousStart, i), followers: 200, likes: 2 },
    ]).flat();
    await request(t.http).post(`/api/analytics/artists/${artistId}/metrics`).set('authorization', artist.bearer).send({ metrics }).expect(200);

    // An artist with metrics and nobody to tell.
    const orphan = await t.prisma.artist.create({ data: { name: 'Nobody Listens', searchText: 'nobody listens' } });
    await t.prisma.artistMetricDaily.create({
      data: { artistId: orphan.id, platform: 'spotify', date: new Date(`${week.end}T00:00:00Z`), followers: 5, source: 'api' },
    });

    // One alert of the week, one of the week before.
    await t.prisma.analyticsAlert.createMany({
      data: [
        {
          artistId,
          type: 'viral_spike',
          dedupeKey: addDays(week.start, 2),
          severity: 'high',
          message: 'Engagement spiked on a Wednesday.',
          createdAt: new Date(`${addDays(week.start, 2)}T10:00:00Z`),
        },
        {
          artistId,
          type: 'viral_spike',
          dedupeKey: week.previousStart,
          severity: 'medium',
          message: 'An older spike.',
          createdAt: new Date(`${week.previousStart}T10:00:00Z`),
        },
      ],
    });
    // A delivery to the member that failed earlier does not count as sent.
    await t.prisma.emailMessage.create({
      data: {
        to: member.email,
        subject,
        text: 'Earlier attempt',
        transport: 'smtp',
        error: 'Connection timeout',
        dedupeKey: weeklyReportKey(artistId, week.week, member.email),
      },
    });
  }, 60_000);
  afterAll(() => t?.close());

  it('mails the artist and its team member the week against the week before', async () => {
    const run = await t.app.get(WeeklyReportService).sendWeeklyReports();
    expect(run).toEqual({ week: week.week, artists: 2, emails: 2, skipped: 1, already_sent: 0 });

    const reports = await t.prisma.emailMessage.findMany({ where: { subject, error: null }, orderBy: { to: 'asc' } });
    expect(reports.map((report) => report.to).sort()).toEqual([artist.email, member.email].sort());
    const fvs = (await request(t.http).get(`/api/analytics/${artistId}/fvs`).set('authorization', artist.bearer).expect(200)).body;
    const momentum = (await request(t.http).get(`/api/analytics/${artistId}/momentum`).set('authorization', artist.bearer).expect(200)).body;
    for (const report of reports) {
      expect(report.transport).toBe('outbox');
      // Followers: 1130 + 200 at the end of the week, 1060 + 200 at the end of the week before (+70, +5.6 %).
      expect(report.text).toContain('Followers: 1,330 (+70, +5.6 %)');
      // Streams: Σ (100 + i) for i = 7..13 = 770, for i = 0..6 = 721 (+49, +6.8 %).
      expect(report.text).toContain('Streams: 770 (+49, +6.8 %)');
      // Engagement: 10 a day both weeks.
      expect(report.text).toContain('Engagement (likes, comments, shares, saves): 70 (no change)');
      expect(report.text).toContain(`Fan Value Score (30 days): ${fvs.score.toFixed(1)} / 100`);
      expect(report.text).toContain(`Momentum Index (28 days): ${momentum.index.toFixed(2)} / 10, ${momentum.status.replace(/_/g, ' ')}`);
      expect(report.text).toMatch(/Breakout probability \(90 days\): (not enough history|\d+ % \((low|medium|high)\))/);
      expect(report.text).toContain('Superfans (90 days): 0');
      expect(report.text).toContain('New alerts this week (1):\n- Viral spike (high): Engagement spiked on a Wednesday.');
      expect(report.text).not.toContain('An older spike');
      expect(report.html).toContain('Weekly report: Tom &amp; &lt;Jerry&gt;</h1>');
      expect(report.html).not.toContain('<Jerry>');
    }

    // The member reads their copy through the outbox API.
    const outbox = await request(t.http).get('/api/mail/outbox').set('authorization', member.bearer).expect(200);
    expect(outbox.body.results.filter((message: { error: string | null }) => message.error === null)).toEqual([
      expect.objectContaining({ to: member.email, subject, transport: 'outbox' }),
    ]);
  });

  it('sends nothing new when the job runs again', async () => {
    const jobs = t.app.get(JobQueueService);
    await jobs.start();
    const id = await jobs.send(ANALYTICS_WEEKLY_REPORT_QUEUE, { trigger: 'test' });
    expect(id).toEqual(expect.any(String));
    let job = await jobs.find(id!);
    for (const started = Date.now(); job?.state !== 'completed' && job?.state !== 'failed' && Date.now() - started < 30_000; job = await jobs.find(id!))
      await sleep(200);
    expect(job).toMatchObject({ state: 'completed', output: { week: week.week, artists: 2, emails: 0, skipped: 1, already_sent: 2 } });
    expect(await t.prisma.emailMessage.count({ where: { subject, error: null } })).toBe(2);
  });
});
