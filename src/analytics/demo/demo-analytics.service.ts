import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import { normalizeSearchText } from '../../songs/search-text.js';
import { MetricsIngestionService } from '../ingestion/metrics-ingestion.service.js';
import { DEMO_ANALYTICS_ARTISTS, demoArtistData } from './demo-curves.js';

/** Six months: enough history for every window the algorithms use. */
const DEMO_DAYS = 180;

/** Fills empty analytics tables with the demo label's invented audiences (see demo-curves.ts). */
@Injectable()
export class DemoAnalyticsService {
  private readonly logger = new Logger('DemoAnalytics');

  constructor(
    private readonly prisma: PrismaService,
    private readonly ingestion: MetricsIngestionService,
  ) {}

  async importIfEmpty(): Promise<number | undefined> {
    if ((await this.prisma.artistMetricDaily.count()) > 0) return undefined;
    const artists = await this.import();
    this.logger.log(`The analytics tables were empty: added ${DEMO_DAYS} days of demo metrics, posts and fan events for ${artists} invented artists.`);
    return artists;
  }

  /** Writes the demo artists' data up to today; idempotent (the same days, posts and events again change nothing). Returns how many artists. */
  async import(now = new Date(), seed = 11): Promise<number> {
    for (const [index, demo] of DEMO_ANALYTICS_ARTISTS.entries()) {
      const existing = await this.prisma.artist.findFirst({ where: { name: demo.name }, select: { id: true } });
      const artist = existing ?? (await this.prisma.artist.create({ data: { name: demo.name, bio: demo.bio, searchText: normalizeSearchText(demo.name) }, select: { id: true } }));
      const data = demoArtistData(demo, now, DEMO_DAYS, seed * 100 + index);
      await this.ingestion.upsertDaily(artist.id, data.metrics, 'demo');
      await this.ingestion.upsertPosts(artist.id, data.posts);
      await this.ingestion.insertFanEvents(artist.id, data.events);
    }
    return DEMO_ANALYTICS_ARTISTS.length;
  }
}
