import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../platform/auth/auth.decorators.js';
import { AdminModelsService } from './admin-models.service.js';
import { ActivatedModelDto } from './dto/admin-model.dto.js';

@ApiTags('admin')
@Auth('admin')
@Controller('admin/models')
export class AdminModelsController {
  constructor(private readonly models: AdminModelsService) {}

  @Post(':name/:version/activate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make a trained version the active one (as "models activate" does)',
    description: 'name: hit or genre; version: from "models list".',
  })
  @ApiOkResponse({ type: ActivatedModelDto })
  @ApiNotFoundResponse({ description: 'No such model version' })
  activate(@Param('name') name: string, @Param('version') version: string): Promise<ActivatedModelDto> {
    return this.models.activate(name, version);
  }
}
