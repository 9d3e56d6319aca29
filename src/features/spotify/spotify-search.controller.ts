import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SongSearchDto, SongSearchQueryDto } from '../dataset/dto/song-search.dto.js';
import { SpotifySearchResultDto } from './dto/spotify-search.dto.js';
import { SpotifySearchService } from './spotify-search.service.js';

@ApiTags('spotify')
@Controller('spotify/search')
export class SpotifySearchController {
  constructor(private readonly searchService: SpotifySearchService) {}

  @Post()
  @ApiOperation({ summary: 'Search Spotify tracks (JSON body)' })
  @HttpCode(200)
  @ApiOkResponse({ type: SpotifySearchResultDto, description: 'Spotify returns at most 50 tracks' })
  @ApiBadRequestResponse({ description: 'Empty query' })
  search(@Body() body: SongSearchDto): Promise<SpotifySearchResultDto> {
    return this.searchService.search(body.query, body.limit);
  }

  @Get()
  @ApiOperation({ summary: 'Search Spotify tracks (?q=)' })
  @ApiOkResponse({ type: SpotifySearchResultDto })
  searchByQuery(@Query() query: SongSearchQueryDto): Promise<SpotifySearchResultDto> {
    return this.searchService.search(query.q, query.limit);
  }
}
