import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';

const booleanFromQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListPredictionsQueryDto {
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
  @Type(() => Date)
  @IsDate({ message: 'from must be a date (YYYY-MM-DD or ISO 8601)' })
  from?: Date;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Up to this date or time (exclusive)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be a date (YYYY-MM-DD or ISO 8601)' })
  to?: Date;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  page_size = 20;
}
