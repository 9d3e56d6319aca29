import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Auth } from '../../../platform/auth/auth.decorators.js';
import { GenresService, type GenreDto } from './genres.service.js';

export class CreateGenreDto {
  @ApiProperty({ example: 'Synthwave', maxLength: 50 })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(50)
  name!: string;
}

@ApiTags('catalog genres')
@Controller('genres')
export class GenresController {
  constructor(private readonly genres: GenresService) {}

  @Get()
  @ApiOperation({ summary: 'List genres with their song counts' })
  @ApiOkResponse({ description: '{results: [{id, name, song_count}]}, by name' })
  async list(): Promise<{ results: GenreDto[] }> {
    return { results: await this.genres.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Create a genre (artists)' })
  @Auth('artist')
  @ApiCreatedResponse({ description: '{id, name, song_count}' })
  @ApiConflictResponse({ description: 'A genre of that name (ignoring case, accents and punctuation) exists' })
  create(@Body() body: CreateGenreDto): Promise<GenreDto> {
    return this.genres.create(body.name);
  }
}
