import { Module } from '@nestjs/common';
import { SpotifyModule } from '../../spotify/spotify.module.js';
import { LastfmClient } from './lastfm.client.js';
import { MusicBrainzClient } from './musicbrainz.client.js';
import { SourceRateLimiter } from './rate-limiter.js';
import { SourceCache } from './source-cache.js';
import { SourceUsage } from './source-usage.js';
import { SpotifyLeadsClient } from './spotify-leads.client.js';
import { YoutubeClient } from './youtube.client.js';

/**
 * The clients of the public music databases Leads asks (MusicBrainz, YouTube, Last.fm, Spotify),
 * and what they share: the rate limiter, the answer cache and usage accounting, all in
 * PostgreSQL. Spotify goes through SpotifyModule's SpotifyClient, so Leads and the songs feature
 * share one token and one rate-limit pause. Needs the global ConfigModule and DatabaseModule.
 */
@Module({
  imports: [SpotifyModule],
  providers: [SourceRateLimiter, SourceCache, SourceUsage, MusicBrainzClient, YoutubeClient, LastfmClient, SpotifyLeadsClient],
  exports: [SourceRateLimiter, SourceCache, SourceUsage, MusicBrainzClient, YoutubeClient, LastfmClient, SpotifyLeadsClient],
})
export class SourcesModule {}
