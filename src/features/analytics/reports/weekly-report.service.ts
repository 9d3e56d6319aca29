import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { MailDeliveryError, MailService } from '../../../platform/mail/mail.service.js';
import { addDays } from '../ingestion/metric-rows.js';
import { ArtistScoresService } from '../scores/artist-scores.service.js';
import { BreakoutService } from '../scores/breakout.service.js';
import { DEFAULT_SUPERFAN_DAYS, SuperfansService } from '../scores/superfans.service.js';
import { ArtistSeriesService } from '../series/artist-series.service.js';
import { buildWeeklyReport, lastCompleteWeek, type ReportWeek, type WeeklyReport, weeklyReportKey, weekOverWeek } from './weekly-report.js';

export interface WeeklyReportRun {
  /** The reported ISO week. */
  week: string;
  /** Artists with metrics. */
  artists: number;
  /** Reports sent (or kept in the outbox) in this run. */
  emails: number;
  /** Artists without anyone to send to, or without metrics in the reported week. */
  skipped: number;
  /** Reports of this week that an earlier run already sent. */
  already_sent: number;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);

/** The artist's own account and its team members, each address once. */
function teamAddresses(artist: { user: { email: string } | null; team: Array<{ user: { email: string } }> }): string[] {
  const emails = [artist.user?.email, ...artist.team.map((member) => member.user.email)].filter((email): email is string => Boolean(email));
  return [...new Set(emails.map((email) => email.toLowerCase()))];
}

/**
 * Sends the weekly report (weekly-report.ts) of the last complete ISO week for every artist with
 * metrics, one mail per team address: the artist's own account and its team members. A report is
 * sent once per artist, week and recipient: a run finds the ones already in email_outbox (by
 * recipient, subject and the artist's id in the text; failed deliveries do not count), so running
 * the job again, or its retry after a failed delivery, sends only what is missing.
 */
@Injectable()
export class WeeklyReportService {
  private readonly logger = new Logger('WeeklyReport');

  constructor(
    private readonly prisma: PrismaService,
    private readonly series: ArtistSeriesService,
    private readonly scores: ArtistScoresService,
    private readonly breakout: BreakoutService,
    private readonly superfans: SuperfansService,
    private readonly mail: MailService,
  ) {}

  /** Throws after trying every report when some could not be delivered, so the job is retried. */
  async sendWeeklyReports(now = new Date()): Promise<WeeklyReportRun> {
    const week = lastCompleteWeek(now);
    const artistIds = await this.series.artistsWithMetrics();
    const run: WeeklyReportRun = { week: week.week, artists: artistIds.length, emails: 0, skipped: 0, already_sent: 0 };
    const failures: string[] = [];
    for (const artistId of artistIds) {
      const artist = await this.prisma.artist.findUnique({
        where: { id: artistId },
        select: { id: true, name: true, user: { select: { email: true } }, team: { select: { user: { select: { email: true } } } } },
      });
      const recipients = artist ? teamAddresses(artist) : [];
      if (!artist || recipients.length === 0) {
        run.skipped++;
        continue;
      }
      const pending = await this.unsent(artist.id, week.week, recipients);
      run.already_sent += recipients.length - pending.length;
      if (pending.length === 0) continue;
      const report = await this.report(artist, week);
      if (!report) {
        run.skipped++;
        continue;
      }
      for (const to of pending) {
        try {
          await this.mail.send({ to, ...report, dedupeKey: weeklyReportKey(artist.id, week.week, to) });
          run.emails++;
        } catch (error) {
          if (!(error instanceof MailDeliveryError)) throw error;
          failures.push(error.message);
        }
      }
    }
    if (failures.length > 0) {
      throw new Error(
        `${failures.length} weekly report(s) of ${week.week} could not be delivered (${run.emails} were; a retry sends only the missing ones): ${failures.slice(0, 5).join('; ')}`,
      );
    }
    this.logger.log(`Weekly reports of ${week.week}: ${run.emails} sent, ${run.already_sent} sent before, ${run.skipped} artist(s) skipped`);
    return run;
  }

  /** The recipients who have not had this report yet. */
  private async unsent(artistId: string, week: string, recipients: string[]): Promise<string[]> {
    const pending: string[] = [];
    for (const to of recipients) if (!(await this.mail.sent(weeklyReportKey(artistId, week, to)))) pending.push(to);
    return pending;
  }

  /** The artist's report of `week`; null when no metrics arrived for that week. */
  async report(artist: { id: string; name: string }, week: ReportWeek): Promise<WeeklyReport | null> {
    const stored = await this.prisma.artistMetricDaily.count({ where: { artistId: artist.id, date: { gte: dayStart(week.start), lte: dayStart(week.end) } } });
    if (stored === 0) return null;
    const numbers = weekOverWeek(await this.series.lastDays(artist.id, 14, week.end), week);
    if (!numbers) return null;
    const fvs = await this.scores.fanValueScore(artist.id);
    const momentum = await this.scores.momentum(artist.id);
    const breakout = await this.breakout.predict(artist.id);
    const segments = await this.superfans.segments(artist.id, DEFAULT_SUPERFAN_DAYS, 0);
    const alerts = await this.prisma.analyticsAlert.findMany({
      where: { artistId: artist.id, createdAt: { gte: dayStart(week.start), lt: dayStart(addDays(week.end, 1)) } },
      select: { type: true, severity: true, message: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return buildWeeklyReport({
      artistName: artist.name,
      week,
      ...numbers,
      fanValueScore: fvs.score,
      momentum: { index: momentum.index, status: momentum.status },
      breakout: { probability: breakout.probability, label: breakout.label },
      superfans: segments.segments.superfan.count,
      alerts,
    });
  }
}
