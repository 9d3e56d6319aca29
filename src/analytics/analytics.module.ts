import { Module } from '@nestjs/common';
import { ArtistAccessService } from './artist-access.service.js';

/** Fan analytics: daily platform metrics, scores (FVS, momentum, breakout), alerts, superfans, connectors and jobs. */
@Module({
  imports: [],
  controllers: [],
  providers: [ArtistAccessService],
  exports: [ArtistAccessService],
})
export class AnalyticsModule {}
