import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { orderingValues } from './listing-order.js';
import { booleanFromQuery } from './query.js';

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
