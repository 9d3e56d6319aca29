import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators, BadRequestException, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { isStorableDate } from '../storable-dates.js';

/** "true"/"false" from a query string; anything else stays as is and fails @IsBoolean. */
export const booleanFromQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** A date (YYYY-MM-DD) or an ISO 8601 date-time from a query string; anything else (`0`, `-1`, `1.5`) stays as is and fails @IsDate. */
export const dateFromQuery = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? new Date(value) : value;

/**
 * An optional date query parameter (`?name=YYYY-MM-DD` or an ISO 8601 date-time), parsed to a Date:
 * 400 naming it when it is no date, or one outside years 1 to 9999 (UTC), which PostgreSQL would refuse.
 */
export const DateQuery = (name: string, options: { example: string; description: string }) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date-time', ...options }),
    IsOptional(),
    Transform(dateFromQuery),
    ValidateBy(
      { name: 'isStorableDate', validator: { validate: (value) => !(value instanceof Date) || Number.isNaN(value.getTime()) || isStorableDate(value) } },
      { message: `${name} must be between 0001-01-01 and 9999-12-31 (UTC)` },
    ),
    IsDate({ message: `${name} must be a date (YYYY-MM-DD or ISO 8601)` }),
  );

/** The last page a listing may be asked for: its offset, at most 10^11, stays a safe integer for every database query. */
export const MAX_PAGE = 1_000_000_000;

/** `page` and `page_size` of a listing (at most 100 per page). */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  page_size = 20;
}

/** What every listing answers besides its `results` (its route's @Listing adds the links). */
export class PageDto {
  @ApiProperty({ description: 'Items matching the filters, on all pages' }) count!: number;
  @ApiProperty() page!: number;
  @ApiProperty() page_size!: number;
  @ApiProperty({ type: String, nullable: true, description: 'This listing at the next page, or null on the last' }) next?: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'This listing at the previous page, or null on the first' }) previous?: string | null;
}

/** Parses an `:id` path parameter, answering 400 "id must be a whole number" otherwise. */
export const idParam = () => new ParseIntPipe({ exceptionFactory: () => new BadRequestException('id must be a whole number') });

/** Whether an id can name a row (ids are PostgreSQL integers): anything else is simply not found. */
export const isRowId = (id: number) => Number.isInteger(id) && id >= 1 && id <= 2_147_483_647;

/** Parses a UUID path parameter (`name` for the message), answering 400 otherwise. */
export const uuidParam = (name = 'id') => new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${name} must be a UUID`) });
