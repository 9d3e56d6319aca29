import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { ReleaseArtistDto } from '../releases/release-scores.dto.js';
import type { CompetingSource } from './competing-releases.js';
import { parseReleaseWeek } from './release-week.js';

export class CompetingReleasesQueryDto {
  @ApiPropertyOptional({ example: '2026-W49', description: 'An ISO week (2026-W49) or any day in it (2026-12-02); default: this week (UTC)' })
  @IsOptional()
  @ValidateBy(
    { name: 'isReleaseWeek', validator: { validate: (value) => typeof value === 'string' && parseReleaseWeek(value) !== null } },
    { message: 'week must be an ISO week such as 2026-W49 or a day such as 2026-12-02' },
  )
  week?: string;
}

export class ReleaseWeekDto {
  @ApiProperty({ example: '2026-W49' }) week!: string;
  @ApiProperty({ example: '2026-11-30', description: 'Monday' }) start!: string;
  @ApiProperty({ example: '2026-12-06', description: 'Sunday' }) end!: string;
}

export class OwnReleaseDto {
  @ApiProperty({ format: 'uuid' }) song_id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) album!: string | null;
  @ApiProperty({ example: '2026-12-02' }) release_date!: string;
}

export class CompetingReleaseDto {
  @ApiProperty({ example: '4aawyAB9vmqN3uQ7FjRGTy' }) spotify_album_id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'single', description: 'album, single or compilation' }) album_type!: string | null;
  @ApiProperty({ type: [String] }) artists!: string[];
  @ApiProperty({ example: '2026-12-04' }) release_date!: string;
  @ApiProperty({ type: Number, nullable: true }) total_tracks!: number | null;
  @ApiProperty({ type: [String], description: "The artist's genres it shares" }) genres!: string[];
  @ApiProperty({
    enum: ['new_releases', 'search'] satisfies CompetingSource[],
    isArray: true,
    example: ['new_releases', 'search'],
    description: 'Where Spotify listed it: new_releases, search',
  })
  sources!: string[];
  @ApiProperty() spotify_url!: string;
  @ApiProperty({ type: String, nullable: true }) image_url!: string | null;
  @ApiProperty() first_seen_at!: Date;
}

export class CompetingReleasesDto {
  @ApiProperty({ type: ReleaseArtistDto }) artist!: ReleaseArtistDto;
  @ApiProperty({ type: ReleaseWeekDto }) week!: ReleaseWeekDto;
  @ApiProperty({ type: [String], nullable: true, description: "The genres the week's scan compared with; null before the job scanned the week" }) genres!:
    string[] | null;
  @ApiProperty({ type: Date, nullable: true }) scanned_at!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why there is nothing to show: not scanned yet, or no genres known for the artist' }) note!:
    string | null;
  @ApiProperty({ type: OwnReleaseDto, nullable: true, description: "The artist's newest public catalog release up to the week's end" })
  latest_release!: OwnReleaseDto | null;
  @ApiProperty({ type: [OwnReleaseDto], description: "The artist's public catalog releases in the week" }) own_releases!: OwnReleaseDto[];
  @ApiProperty() count!: number;
  @ApiProperty({ type: [CompetingReleaseDto], description: 'Newest first' }) results!: CompetingReleaseDto[];
}
