import { Module } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { AlbumsController } from './albums/albums.controller.js';
import { AlbumsService } from './albums/albums.service.js';
import { DemoCatalogService } from './demo/demo-catalog.service.js';
import { ArtistsController } from './artists/artists.controller.js';
import { ArtistsService } from './artists/artists.service.js';
import { GenresController } from './genres/genres.controller.js';
import { GenresService } from './genres/genres.service.js';
import { CatalogSongsController } from './songs/catalog-songs.controller.js';
import { CatalogSongsService } from './songs/catalog-songs.service.js';
import { DiscoveryService } from './songs/discovery.service.js';
import { ListeningService } from './songs/listening.service.js';
import { SongStreamService } from './songs/song-stream.service.js';

/** The streaming catalog: artists, albums, songs with audio, genres, likes, plays and follows. */
@Module({
  imports: [SubscriptionsModule],
  controllers: [CatalogSongsController, AlbumsController, ArtistsController, GenresController],
  providers: [CatalogSongsService, DiscoveryService, ListeningService, SongStreamService, AlbumsService, ArtistsService, GenresService, DemoCatalogService],
  exports: [CatalogSongsService, DemoCatalogService, ArtistsService],
})
export class CatalogModule {}
