import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import type { Prisma } from '../../../generated/prisma/client.js';
import { detectViralSpikes, engagementPoints } from '../algorithms/viral-spikes.js';
import { ArtistAccessService } from '../artist-access.service.js';
import type { AlertDto, AlertPageDto, ListAlertsQueryDto } from '../dto/alerts.dto.js';
import { addDays, utcDay } from '../ingestion/metric-rows.js';
import { ArtistSeriesService } from '../series/artist-series.service.js';
import { BREAKOUT_ALERT_PROBABILITY, isoWeek, RECENT_SPIKE_DAYS, spikeSeverity, VIRAL_MOMENTUM_THRESHOLD } from './alert-rules.js';

/** Spike detection needs its trailing window before the recent days it checks. */
const SPIKE_HISTORY_DAYS = 60;
const number = (value: number) => Math.round(value).toLocaleString('en-US');
/** A probability in words; never "100 %", which a model cannot know. */
const percent = (probability: number) => (probability >= 0.995 ? 'over 99 %' : `${Math.round(probability * 100)} %`);

/** What an alert is read with. */
const WITH_ARTIST = { artist: { select: { name: true, demo: true } } } as const;
type AlertRow = Prisma.AnalyticsAlertGetPayload<{ include: typeof WITH_ARTIST }>;
const toAlertDto = (alert: AlertRow): AlertDto => ({
  id: alert.id,
  artist_id: alert.artistId,
  artist_name: alert.artist.name,
  type: alert.type,
  severity: alert.severity,
  message: alert.message,
  details: alert.details as Record<string, unknown>,
  created_at: alert.createdAt,
  acknowledged_at: alert.acknowledgedAt,
  demo: alert.artist.demo,
});

/**
 * Alerts for an artist's team: viral_spike (a day's engagement more than 2σ above its trailing
 * mean), viral_momentum (Momentum Index ≥ 9) and breakout (probability ≥ 0.8). Each is unique per
 * artist, type and key (the spike's day, or the ISO week for momentum and breakout), so running a
 * detection again never repeats an alert.
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly series: ArtistSeriesService,
    private readonly access: ArtistAccessService,
  ) {}

  /** Spike alerts for every artist's recent days (the 3-hourly job). */
  async detectSpikes(): Promise<{ artists: number; spikes: number; created: number }> {
    let spikes = 0;
    let created = 0;
    const artists = await this.series.artistsWithMetrics();
    const since = addDays(utcDay(), -(RECENT_SPIKE_DAYS - 1));
    for (const artistId of artists) {
      const recent = detectViralSpikes(engagementPoints(await this.series.lastDays(artistId, SPIKE_HISTORY_DAYS))).filter((spike) => spike.date >= since);
      spikes += recent.length;
      const { count } = await this.prisma.analyticsAlert.createMany({
        data: recent.map((spike) => ({
          artistId,
          type: 'viral_spike' as const,
          dedupeKey: spike.date,
          severity: spikeSeverity(spike.z_score),
          message: `Engagement on ${spike.date} reached ${number(spike.value)}, ${spike.z_score.toFixed(1)} standard deviations above the trailing average of ${number(spike.trailing_mean)}.`,
          details: { ...spike },
        })),
        skipDuplicates: true,
      });
      created += count;
    }
    return { artists: artists.length, spikes, created };
  }

  /** viral_momentum and breakout alerts from today's stored scores of these artists (after the momentum job). */
  async alertOnScores(artistIds: string[]): Promise<{ created: number }> {
    const today = utcDay();
    const scores = await this.prisma.artistScore.findMany({ where: { artistId: { in: artistIds }, date: new Date(`${today}T00:00:00Z`) } });
    const data: Prisma.AnalyticsAlertCreateManyInput[] = [];
    for (const score of scores) {
      if (score.momentum !== null && score.momentum >= VIRAL_MOMENTUM_THRESHOLD) {
        data.push({
          artistId: score.artistId,
          type: 'viral_momentum',
          dedupeKey: isoWeek(today),
          severity: 'high',
          message: `Momentum Index ${score.momentum.toFixed(1)} of 10: the audience is growing at a viral pace.`,
          details: { date: today, momentum: score.momentum, status: score.momentumStatus },
        });
      }
      if (score.breakoutProbability !== null && score.breakoutProbability >= BREAKOUT_ALERT_PROBABILITY) {
        data.push({
          artistId: score.artistId,
          type: 'breakout',
          dedupeKey: isoWeek(today),
          severity: 'high',
          message: `Breakout probability ${percent(score.breakoutProbability)}: the audience is likely to double within 90 days.`,
          details: { date: today, breakout_probability: score.breakoutProbability },
        });
      }
    }
    const { count } = await this.prisma.analyticsAlert.createMany({ data, skipDuplicates: true });
    return { created: count };
  }

  async list(user: AuthUser, query: ListAlertsQueryDto): Promise<AlertPageDto> {
    const where: Prisma.AnalyticsAlertWhereInput = {
      artist: this.access.visibleArtists(user),
      ...(query.artist_id && { artistId: query.artist_id }),
      ...(query.type && { type: query.type }),
      ...(query.acknowledged !== undefined && { acknowledgedAt: query.acknowledged ? { not: null } : null }),
    };
    const [count, alerts] = await this.prisma.$transaction([
      this.prisma.analyticsAlert.count({ where }),
      this.prisma.analyticsAlert.findMany({
        where,
        include: WITH_ARTIST,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.page_size,
        take: query.page_size,
      }),
    ]);
    return { count, page: query.page, page_size: query.page_size, results: alerts.map(toAlertDto) };
  }

  async acknowledge(user: AuthUser, id: string): Promise<AlertDto> {
    const alert = await this.prisma.analyticsAlert.findUnique({ where: { id }, select: { artistId: true } });
    if (!alert) throw new NotFoundException(`Alert ${id} not found`);
    await this.access.assertOnTeam(user, alert.artistId);
    // Acknowledging again keeps the first acknowledgement.
    await this.prisma.analyticsAlert.updateMany({ where: { id, acknowledgedAt: null }, data: { acknowledgedAt: new Date(), acknowledgedById: user.id } });
    const updated = await this.prisma.analyticsAlert.findUniqueOrThrow({ where: { id }, include: WITH_ARTIST });
    return toAlertDto(updated);
  }

  /** Drops acknowledged alerts after `acknowledgedDays` and any alert after `maxDays` (the daily 02:00 job). */
  async cleanup(acknowledgedDays: number, maxDays: number): Promise<{ deleted: number }> {
    const now = Date.now();
    const { count } = await this.prisma.analyticsAlert.deleteMany({
      where: {
        OR: [{ acknowledgedAt: { lt: new Date(now - acknowledgedDays * 86_400_000) } }, { createdAt: { lt: new Date(now - maxDays * 86_400_000) } }],
      },
    });
    return { deleted: count };
  }
}
