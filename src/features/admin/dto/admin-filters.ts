import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { booleanFromQuery, DateQuery, PageQueryDto } from '../../../platform/common/http/query.js';
import { orderingValues } from '../admin-query.js';

/** A `?name=true|false` filter. */
export const BooleanFilter = (name: string, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    IsOptional(),
    Transform(booleanFromQuery),
    IsBoolean({ message: `${name} must be true or false` }),
  );

/** `?ordering=field` or `-field`, one of `fields`. */
export const Ordering = (fields: readonly string[], defaultValue: string) =>
  applyDecorators(
    ApiPropertyOptional({ enum: orderingValues(fields), default: defaultValue, description: 'A field; "-" first for descending' }),
    IsOptional(),
    IsIn(orderingValues(fields)),
  );

/** Trims strings, leaves other values to fail their type check. */
export const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

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
