import { ApiProperty } from '@nestjs/swagger';

export class UsersByRoleDto {
  @ApiProperty() total!: number;
  @ApiProperty() user!: number;
  @ApiProperty() artist!: number;
  @ApiProperty() admin!: number;
}

/** GET /api/admin/stats: the counts of the admin dashboard. */
export class AdminStatsDto {
  @ApiProperty({ description: 'Rows of the songs (dataset) table' }) songs!: number;
  @ApiProperty({ description: 'Songs with is_hit' }) song_hits!: number;
  @ApiProperty() predictions!: number;
  @ApiProperty({ type: UsersByRoleDto }) users!: UsersByRoleDto;
  @ApiProperty() artists!: number;
  @ApiProperty({ description: 'Songs published in the catalog' }) catalog_songs!: number;
}
