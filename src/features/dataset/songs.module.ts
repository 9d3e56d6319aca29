import { Module } from '@nestjs/common';
import { DemoSongsService } from './demo/demo-songs.service.js';
import { SongImportService } from './import/song-import.service.js';
import { SearchTextFilter } from './search-text-filter.js';
import { SongsController } from './songs.controller.js';
import { SongSearchService } from './song-search.service.js';
import { SongsService } from './songs.service.js';
import { WordShares } from './word-shares.js';

@Module({
  controllers: [SongsController],
  providers: [SongsService, SongSearchService, SearchTextFilter, WordShares, SongImportService, DemoSongsService],
  exports: [SongsService, SongImportService, DemoSongsService],
})
export class SongsModule {}
