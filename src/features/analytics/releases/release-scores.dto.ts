import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../../platform/common/http/query.js';

export class ReleaseScoreDto {
  @ApiProperty({ format: 'uuid' }) song_id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '2026-11-20' }) release_date!: string;
  @ApiProperty({ description: 'Plays in the first week after the release date (so far, when it is not over)' }) plays!: number;
  @ApiProperty({ description: 'Likes in the first week after the release date (so far)' }) likes!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "First-week plays (projected to 7 days) / the median first-week plays of the artist's earlier releases; null for a first release",
  })
  relative_to_artist!: number | null;
  @ApiProperty({ description: '0–100: 50 % log-scaled plays, 30 % relative to the artist, 20 % like rate (docs/analytics.md)' }) score!: number;
  @ApiProperty({ description: 'false: the first week was not over when scored, so the score is provisional' }) first_week_complete!: boolean;
  @ApiProperty() computed_at!: Date;
}

export class ReleaseArtistDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReleaseScorePageDto extends PageDto {
  @ApiProperty({ type: ReleaseArtistDto }) artist!: ReleaseArtistDto;
  @ApiProperty({ type: [ReleaseScoreDto], description: 'Newest release first' }) results!: ReleaseScoreDto[];
}
