import { Injectable } from '@nestjs/common';
import { DemoAnalyticsService } from '../analytics/demo/demo-analytics.service.js';
import { AnalyticsScoringJobs } from '../analytics/jobs/analytics-scoring.jobs.js';
import { DemoCatalogService } from '../catalog/demo/demo-catalog.service.js';
import { DemoLeadsService } from '../leads/demo/demo-leads.service.js';
import { SETTING_KEYS, SettingsService } from '../../platform/settings/settings.service.js';
import { DemoSongsService } from '../dataset/demo/demo-songs.service.js';

/** What `demo remove` deleted, per kind. */
export interface RemovedDemoData {
  datasetSongs: number;
  catalogSongs: number;
  albums: number;
  /** Every demo artist: the demo label's and those of the demo analytics and leads. */
  artists: number;
  analyticsArtists: number;
  metricDays: number;
  scores: number;
  leads: number;
}

/** What `demo add` added, per kind. */
export interface AddedDemoData {
  datasetSongs: number;
  catalogSongs: number;
  analyticsArtists: number;
  leads: number;
}

/** All of Encore's generated demo data at once: each feature's demo service adds or removes its own. */
@Injectable()
export class DemoDataService {
  constructor(
    private readonly songs: DemoSongsService,
    private readonly catalog: DemoCatalogService,
    private readonly analytics: DemoAnalyticsService,
    private readonly scoring: AnalyticsScoringJobs,
    private readonly leads: DemoLeadsService,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Deletes every demo record with what depends on it, and keeps the first start from adding demo
   * data again. Leads and analytics go first: the catalog then deletes the demo artists themselves.
   */
  async remove(): Promise<RemovedDemoData> {
    // Recorded first, so a start while this runs adds nothing back.
    await this.settings.set(SETTING_KEYS.demoDataRemovedAt, new Date().toISOString());
    const leads = await this.leads.removeDemo();
    const analytics = await this.analytics.removeDemo();
    const catalog = await this.catalog.removeDemo();
    const datasetSongs = await this.songs.removeDemo();
    return {
      datasetSongs,
      catalogSongs: catalog.songs,
      albums: catalog.albums,
      artists: catalog.artists,
      analyticsArtists: analytics.artists,
      metricDays: analytics.metricDays,
      scores: analytics.scores,
      leads,
    };
  }

  /** Adds the demo data that is missing, beside everything else, and lets the first start add it again. */
  async add(): Promise<AddedDemoData> {
    await this.settings.clear(SETTING_KEYS.demoDataRemovedAt);
    const datasetSongs = await this.songs.addDemo();
    // The catalog first: the demo analytics reuse its artists.
    const catalogSongs = await this.catalog.addDemo();
    const analyticsArtists = await this.analytics.import();
    await this.scoring.scoreEverything();
    const leads = await this.leads.addDemo();
    return { datasetSongs, catalogSongs, analyticsArtists, leads };
  }
}
