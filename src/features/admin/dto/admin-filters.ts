import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DateQuery, PageQueryDto } from '../../../platform/common/http/query.js';

/** `search`, `created_after` and `created_before`, with the page, of an admin listing. */
export class AdminListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  search?: string;

  @DateQuery('created_after', { example: '2026-11-01', description: 'Created at or after this date or time (ISO 8601)' })
  created_after?: Date;

  @DateQuery('created_before', { example: '2026-12-01', description: 'Created before this date or time (exclusive)' })
  created_before?: Date;
}
