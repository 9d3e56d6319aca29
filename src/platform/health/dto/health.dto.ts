import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ModelStatusDto {
  @ApiProperty({ enum: ['ok', 'unavailable'], description: '"unavailable": the model\'s endpoints answer 503 (none trained, or its file cannot be loaded)' })
  status!: 'ok' | 'unavailable';

  @ApiPropertyOptional({ description: 'The version in use' })
  version?: string;

  @ApiPropertyOptional({ description: 'Why no version is in use' })
  reason?: string;
}

export class ModelsStatusDto {
  @ApiProperty({ type: ModelStatusDto }) hit!: ModelStatusDto;
  @ApiProperty({ type: ModelStatusDto }) genre!: ModelStatusDto;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'], description: '"degraded" while the database is unreachable' })
  status!: 'ok' | 'degraded';

  @ApiProperty({ example: 'encore' })
  service!: string;

  @ApiProperty({ enum: ['ok', 'down'] })
  database!: 'ok' | 'down';

  @ApiProperty({
    type: ModelsStatusDto,
    description: 'The models this instance predicts with; one that is unavailable leaves the rest of the API working, so it does not change `status`',
  })
  models!: ModelsStatusDto;

  @ApiProperty({
    description: "The main endpoints of the API by name, as paths; the hit predictor's keys among them",
    example: { predict_spotify: '/api/predict/spotify/', search_spotify: '/api/spotify/search/', health: '/api/health/' },
  })
  endpoints!: Record<string, string>;
}
