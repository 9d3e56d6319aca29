import { Module } from '@nestjs/common';
import { SongsModule } from '../dataset/songs.module.js';
import { SpotifyClient } from './spotify-client.js';
import { SpotifySearchController } from './spotify-search.controller.js';
import { SpotifySearchService } from './spotify-search.service.js';

@Module({
  imports: [SongsModule],
  controllers: [SpotifySearchController],
  providers: [SpotifyClient, SpotifySearchService],
  exports: [SpotifyClient],
})
export class SpotifyModule {}
