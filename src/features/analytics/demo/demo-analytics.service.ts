import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { SettingsService } from '../../../platform/settings/settings.service.js';
import { ArtistsService } from '../../catalog/artists/artists.service.js';
import { MetricsIngestionService } from '../ingestion/metrics-ingestion.service.js';
import { DEMO_ANALYTICS_ARTISTS, demoArtistData } from './demo-curves.js';

/** Six months: enough history for every window the algorithms use. */
const DEMO_DAYS = 180;

/** What `demo remove` deleted of analytics: the demo artists' data (the artists themselves are the catalog's to delete). */
export interface RemovedDemoAnalytics {
  artists: number;
  metricDays: number;
  scores: number;
}

/** Fills empty analytics tables with the demo label's invented audiences (see demo-curves.ts), on artists marked demo. */
@Injectable()
export class DemoAnalyticsService {
  private readonly logger = new Logger('DemoAnalytics');

  constructor(
    private readonly prisma: PrismaService,
    private readonly ingestion: MetricsIngestionService,
    private readonly artists: ArtistsService,
    private readonly settings: SettingsService,
  ) {}

  async importIfEmpty(): Promise<number | undefined> {
    if ((await this.settings.demoDataRemoved()) || (await this.prisma.artistMetricDaily.count()) > 0) return undefined;
    const artists = await this.import();
    this.logger.log(`The analytics tables were empty: added ${DEMO_DAYS} days of demo metrics, posts and fan events for ${artists} invented artists.`);
    return artists;
  }

  /**
   * Deletes what analytics keeps about the demo artists: metrics, posts, fan events, scores, alerts,
   * platform accounts and connections.
   */
  async removeDemo(): Promise<RemovedDemoAnalytics> {
    const ofDemoArtists = { where: { artist: { demo: true } } };
    const artists = await this.prisma.artist.count({ where: { demo: true, OR: [{ metrics: { some: {} } }, { scores: { some: {} } }] } });
    const [metricDays, , , scores] = await this.prisma.$transaction([
      this.prisma.artistMetricDaily.deleteMany(ofDemoArtists),
      this.prisma.artistPost.deleteMany(ofDemoArtists),
      this.prisma.fanEvent.deleteMany(ofDemoArtists),
      this.prisma.artistScore.deleteMany(ofDemoArtists),
      this.prisma.analyticsAlert.deleteMany(ofDemoArtists),
      this.prisma.artistPlatformAccount.deleteMany(ofDemoArtists),
      this.prisma.spotifyConnection.deleteMany(ofDemoArtists),
    ]);
    return { artists, metricDays: metricDays.count, scores: scores.count };
  }

  /** Writes the demo artists' data up to today; idempotent (the same days, posts and events again change nothing). Returns how many artists. */
  async import(now = new Date(), seed = 11): Promise<number> {
    for (const [index, demo] of DEMO_ANALYTICS_ARTISTS.entries()) {
      // The demo label's artist of that name when the catalog has it; never a real artist.
      const existing = await this.prisma.artist.findFirst({ where: { name: demo.name, demo: true }, select: { id: true } });
      const artist = existing ?? (await this.artists.createArtist({ name: demo.name, bio: demo.bio, demo: true }));
      const data = demoArtistData(demo, now, DEMO_DAYS, seed * 100 + index);
      await this.ingestion.upsertDaily(artist.id, data.metrics, 'demo');
      await this.ingestion.upsertPosts(artist.id, data.posts);
      await this.ingestion.insertFanEvents(artist.id, data.events);
    }
    return DEMO_ANALYTICS_ARTISTS.length;
  }
}
