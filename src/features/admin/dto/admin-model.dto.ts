import { ApiProperty } from '@nestjs/swagger';
import { ModelStatusDto } from '../../../platform/health/dto/health.dto.js';

/** A model version as `model_metadata` records it, with what this instance loaded after activating it. */
export class ActivatedModelDto {
  @ApiProperty({ example: 'hit' }) model_name!: string;
  @ApiProperty({ example: '20261123-072401-349' }) model_version!: string;
  @ApiProperty() accuracy!: number;
  @ApiProperty() roc_auc!: number;
  @ApiProperty() f1!: number;
  @ApiProperty() data_source!: string;
  @ApiProperty() is_active!: boolean;
  @ApiProperty() activated_at!: Date;
  @ApiProperty({
    type: ModelStatusDto,
    description:
      'This instance after loading the version: "unavailable" with the reason when its file cannot be loaded (the other instances load it on their own)',
  })
  loaded!: ModelStatusDto;
}
