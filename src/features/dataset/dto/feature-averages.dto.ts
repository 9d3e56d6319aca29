import { ApiProperty } from '@nestjs/swagger';

export class FeatureAverageGroupDto {
  @ApiProperty() songs!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    nullable: true,
    description: 'Mean of each model feature (explicit and mode as shares, 0–1); null without songs',
  })
  features!: Record<string, number> | null;
}

/** What an average hit and an average flop of the songs table sound like. */
export class FeatureAveragesDto {
  @ApiProperty({ type: FeatureAverageGroupDto }) hit!: FeatureAverageGroupDto;
  @ApiProperty({ type: FeatureAverageGroupDto }) flop!: FeatureAverageGroupDto;
}
