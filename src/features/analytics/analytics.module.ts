import { Module } from '@nestjs/common';
import { AlertsService } from './alerts/alerts.service.js';
import { FanPulseDashboardController } from './fanpulse-dashboard.controller.js';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsArtistsService } from './artists/analytics-artists.service.js';
import { DemoAnalyticsService } from './demo/demo-analytics.service.js';
import { AnalyticsScoringJobs } from './jobs/analytics-scoring.jobs.js';
import { ArtistScoresService } from './scores/artist-scores.service.js';
import { BreakoutService } from './scores/breakout.service.js';
import { SuperfansService } from './scores/superfans.service.js';
import { ArtistSeriesService } from './series/artist-series.service.js';
import { ArtistAccessService } from './artist-access.service.js';
import { ArtistTeamController } from './team/artist-team.controller.js';
import { ArtistTeamService } from './team/artist-team.service.js';
import { AnalyticsIngestionController } from './ingestion/analytics-ingestion.controller.js';
import { MetricsIngestionService } from './ingestion/metrics-ingestion.service.js';
import { SpotifyModule } from '../spotify/spotify.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { AnalyticsSyncJob } from './connectors/analytics-sync.job.js';
import { ConnectorsController } from './connectors/connectors.controller.js';
import { ConnectorRegistry } from './connectors/platform-connector.js';
import { SpotifyConnector } from './connectors/spotify.connector.js';
import { TOKEN_CIPHER_PROVIDER } from './connectors/token-cipher.js';
import { SpotifyConnectionsService } from './spotify/spotify-connections.service.js';
import { SpotifyImportController } from './spotify/spotify-import.controller.js';
import { SpotifyImportService } from './spotify/spotify-import.service.js';
import { SpotifyOAuthStateService } from './spotify/spotify-oauth-state.js';
import { SpotifyOAuthController } from './spotify/spotify-oauth.controller.js';
import { SpotifyTokenRefreshJob } from './spotify/spotify-token-refresh.job.js';
import { SpotifyUserAuthClient } from './spotify/spotify-user-auth.client.js';
import { ReleaseScoresController } from './releases/release-scores.controller.js';
import { ReleaseScoresJob } from './releases/release-scores.job.js';
import { ReleaseScoresService } from './releases/release-scores.service.js';
import { WeeklyReportJob } from './reports/weekly-report.job.js';
import { WeeklyReportService } from './reports/weekly-report.service.js';
import { CompetingReleasesController } from './competing/competing-releases.controller.js';
import { CompetingReleasesJob } from './competing/competing-releases.job.js';
import { CompetingReleasesRecorder } from './competing/competing-releases.recorder.js';
import { CompetingReleasesView } from './competing/competing-releases.view.js';

/** Fan analytics: daily platform metrics, scores (FVS, momentum, breakout), alerts, superfans, connectors and jobs. */
@Module({
  imports: [SpotifyModule, CatalogModule],
  controllers: [
    AnalyticsController,
    FanPulseDashboardController,
    AnalyticsIngestionController,
    ArtistTeamController,
    SpotifyImportController,
    SpotifyOAuthController,
    ConnectorsController,
    ReleaseScoresController,
    CompetingReleasesController,
  ],
  providers: [
    ArtistAccessService,
    MetricsIngestionService,
    ArtistTeamService,
    ArtistSeriesService,
    ArtistScoresService,
    BreakoutService,
    SuperfansService,
    AlertsService,
    AnalyticsArtistsService,
    AnalyticsScoringJobs,
    DemoAnalyticsService,
    SpotifyConnector,
    ConnectorRegistry,
    AnalyticsSyncJob,
    TOKEN_CIPHER_PROVIDER,
    SpotifyOAuthStateService,
    SpotifyUserAuthClient,
    SpotifyConnectionsService,
    SpotifyTokenRefreshJob,
    SpotifyImportService,
    WeeklyReportService,
    WeeklyReportJob,
    ReleaseScoresService,
    ReleaseScoresJob,
    CompetingReleasesRecorder,
    CompetingReleasesView,
    CompetingReleasesJob,
  ],
  exports: [ArtistAccessService, MetricsIngestionService, DemoAnalyticsService, AnalyticsScoringJobs],
})
export class AnalyticsModule {}
