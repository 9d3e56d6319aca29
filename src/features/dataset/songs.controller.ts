import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { idParam } from '../../platform/common/http/query.js';
import { FeatureAveragesDto } from './dto/feature-averages.dto.js';
import { ListSongsQueryDto } from './dto/list-songs.query.dto.js';
import { SongSearchDto, SongSearchQueryDto, SongSearchResultDto } from './dto/song-search.dto.js';
import { SongDto, SongPageDto } from './dto/song.dto.js';
import { SongsService } from './songs.service.js';
import { JSON_CONTENT_TYPE, Listing } from '../../platform/common/http/page-links.js';

@ApiTags('dataset')
@Controller()
export class SongsController {
  constructor(private readonly songs: SongsService) {}

  @Post('dataset/search')
  @ApiOperation({ summary: 'Search dataset songs by title or artist (JSON body)' })
  @HttpCode(200)
  @ApiOkResponse({ type: SongSearchResultDto })
  @ApiBadRequestResponse({ description: 'Empty or whitespace query' })
  // The answer is JSON text the search kept (SongSearchService): sent as it is, not stringified again.
  @Header('Content-Type', JSON_CONTENT_TYPE)
  search(@Body() body: SongSearchDto): Promise<string> {
    return this.songs.searchBody(body.query, body.limit);
  }

  @Get('dataset/search')
  @ApiOperation({ summary: 'Search dataset songs by title or artist (?q=)' })
  @ApiOkResponse({ type: SongSearchResultDto })
  @Header('Content-Type', JSON_CONTENT_TYPE)
  searchByQuery(@Query() query: SongSearchQueryDto): Promise<string> {
    return this.songs.searchBody(query.q, query.limit);
  }

  @Get('dataset/songs')
  @ApiOperation({ summary: 'List dataset songs, filtered and paged' })
  @Listing({ type: SongPageDto })
  list(@Query() query: ListSongsQueryDto): Promise<SongPageDto> {
    return this.songs.list(query);
  }

  @Get('dataset/songs/averages')
  @ApiOperation({ summary: 'Mean audio features of hits and of flops in the dataset' })
  @ApiOkResponse({ type: FeatureAveragesDto })
  averages(): Promise<FeatureAveragesDto> {
    return this.songs.featureAverages();
  }

  @Get('dataset/songs/:id')
  @ApiOperation({ summary: 'One dataset song with its audio features' })
  @ApiOkResponse({ type: SongDto })
  @ApiNotFoundResponse({ description: 'No song with this id' })
  get(@Param('id', idParam()) id: number): Promise<SongDto> {
    return this.songs.get(id);
  }
}
