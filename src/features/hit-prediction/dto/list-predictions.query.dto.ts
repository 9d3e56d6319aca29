import { ApiPropertyOptional } from '@nestjs/swagger';
import { booleanFromQuery, DateQuery, PageQueryDto } from '../../../platform/common/http/query.js';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class ListPredictionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'is_hit must be true or false' })
  is_hit?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'adjusted_by_dataset must be true or false' })
  adjusted_by_dataset?: boolean;

  @DateQuery('from', { example: '2026-11-01', description: 'From this date or time (inclusive)' })
  from?: Date;

  @DateQuery('to', { example: '2026-11-30', description: 'Up to this date or time (exclusive)' })
  to?: Date;
}
