import { Module } from '@nestjs/common';
import { PlaylistSongsService } from './playlist-songs.service.js';
import { PlaylistsController } from './playlists.controller.js';
import { PlaylistsService } from './playlists.service.js';
import { UserPlaylistsController } from './user-playlists.controller.js';

/** Playlists of catalog songs: public/private, collaborative, ordered, shareable by link. */
@Module({
  controllers: [PlaylistsController, UserPlaylistsController],
  providers: [PlaylistsService, PlaylistSongsService],
})
export class PlaylistsModule {}
