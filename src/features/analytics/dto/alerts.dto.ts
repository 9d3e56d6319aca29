import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { booleanFromQuery, PageDto, PageQueryDto } from '../../../platform/common/http/query.js';
import { DEMO_DESCRIPTION } from '../../dataset/dto/song.dto.js';

export const ALERT_TYPES = ['viral_spike', 'viral_momentum', 'breakout'] as const;

export class ListAlertsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'artist_id must be a UUID' })
  artist_id?: string;

  @ApiPropertyOptional({ enum: ALERT_TYPES })
  @IsOptional()
  @IsIn(ALERT_TYPES, { message: `type must be one of ${ALERT_TYPES.join(', ')}` })
  type?: (typeof ALERT_TYPES)[number];

  @ApiPropertyOptional({ description: 'true: acknowledged only; false: open only' })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'acknowledged must be true or false' })
  acknowledged?: boolean;
}

export class AlertDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) artist_id!: string;
  @ApiProperty() artist_name!: string;
  @ApiProperty({ enum: ALERT_TYPES }) type!: string;
  @ApiProperty({ enum: ['medium', 'high'] }) severity!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The numbers behind the alert (spike day, z-score, momentum...)' }) details!: Record<
    string,
    unknown
  >;
  @ApiProperty() created_at!: Date;
  @ApiProperty({ type: Date, nullable: true }) acknowledged_at!: Date | null;
  @ApiProperty({ description: `${DEMO_DESCRIPTION}: an alert on a demo artist's invented numbers` }) demo!: boolean;
}

export class AlertPageDto extends PageDto {
  @ApiProperty({ type: [AlertDto] }) results!: AlertDto[];
}
