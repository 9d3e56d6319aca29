import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { booleanFromQuery } from '../../../platform/common/http/query.js';
import { Omittable } from '../../../platform/common/http/validation.js';

/** The streaming clone's audio qualities (document 002), as Encore names them. */
const ORIGINAL_QUALITIES: Record<string, string> = { Low: 'low', Medium: 'normal', High: 'high' };

/** PUT /api/profile, as JSON or as multipart fields beside a `picture` file. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @Omittable()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'display_name must not be empty' })
  @MaxLength(100)
  display_name?: string;

  @ApiPropertyOptional({
    enum: ['low', 'normal', 'high', 'Low', 'Medium', 'High'],
    description:
      "96, 160 or 320 kbps; high needs a premium plan to take effect. The original streaming system's Low, Medium and High are read as low, normal and high",
  })
  @Omittable()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (ORIGINAL_QUALITIES[value] ?? value) : value))
  @IsIn(['low', 'normal', 'high'], { message: 'audio_quality must be low, normal or high (or Low, Medium, High)' })
  audio_quality?: 'low' | 'normal' | 'high';

  @ApiPropertyOptional({ description: 'Download for offline listening (premium plans)' })
  @Omittable()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'offline_mode must be true or false' })
  offline_mode?: boolean;
}

/** The multipart form of PUT /api/profile (for the API docs; the file arrives apart from the body). */
export class UpdateProfileFormDto extends UpdateProfileDto {
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'JPEG, PNG or WebP, at most 5 MB' })
  picture?: unknown;
}
