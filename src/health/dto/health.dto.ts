import { ApiProperty } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'], description: '"degraded" while the database is unreachable' })
  status!: 'ok' | 'degraded';

  @ApiProperty({ example: 'encore' })
  service!: string;

  @ApiProperty({ enum: ['ok', 'down'] })
  database!: 'ok' | 'down';

  @ApiProperty({ description: 'The main endpoints of the API, by name', example: { health: 'GET /api/health/' } })
  endpoints!: Record<string, string>;
}
