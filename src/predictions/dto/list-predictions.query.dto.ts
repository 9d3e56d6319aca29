import { ApiPropertyOptional } from '@nestjs/swagger';
import { booleanFromQuery, dateFromQuery, PageQueryDto } from '../../common/http/query.js';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional } from 'class-validator';


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

  @ApiPropertyOptional({ example: '2026-11-01', description: 'From this date or time (inclusive)' })
  @IsOptional()
  @Transform(dateFromQuery)
  @IsDate({ message: 'from must be a date (YYYY-MM-DD or ISO 8601)' })
  from?: Date;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Up to this date or time (exclusive)' })
  @IsOptional()
  @Transform(dateFromQuery)
  @IsDate({ message: 'to must be a date (YYYY-MM-DD or ISO 8601)' })
  to?: Date;
}
