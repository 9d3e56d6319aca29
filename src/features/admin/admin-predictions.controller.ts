import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { idParam } from '../../platform/common/http/query.js';
import { AdminPredictionDto, AdminPredictionPageDto, AdminPredictionsQueryDto, CorrectPredictionDto } from './dto/admin-prediction.dto.js';
import { AdminPredictionsService } from './admin-predictions.service.js';
import { Listing } from '../../platform/common/http/page-links.js';

@ApiTags('admin')
@Auth('admin')
@Controller('admin/predictions')
export class AdminPredictionsController {
  constructor(private readonly predictions: AdminPredictionsService) {}

  @Get()
  @ApiOperation({
    summary: 'List stored predictions',
    description: 'search: words of the song title or artists; created_after inclusive, created_before exclusive.',
  })
  @Listing({ type: AdminPredictionPageDto })
  @ApiBadRequestResponse({ description: 'A bad filter, named in the message' })
  list(@Query() query: AdminPredictionsQueryDto): Promise<AdminPredictionPageDto> {
    return this.predictions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One stored prediction with its song' })
  @ApiOkResponse({ type: AdminPredictionDto })
  @ApiNotFoundResponse({ description: 'No prediction with this id' })
  get(@Param('id', idParam()) id: number): Promise<AdminPredictionDto> {
    return this.predictions.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Correct a prediction's answer",
    description: 'Sets is_hit; model_prediction keeps what the model said. The correction is added to the audit log.',
  })
  @ApiOkResponse({ type: AdminPredictionDto })
  @ApiBadRequestResponse({ description: 'is_hit must be true or false' })
  @ApiNotFoundResponse({ description: 'No prediction with this id' })
  correct(
    @Param('id', idParam()) id: number,
    @Body() body: CorrectPredictionDto,
    @CurrentUser() admin: AuthUser,
    @Headers('x-request-id') requestId?: string,
  ): Promise<AdminPredictionDto> {
    return this.predictions.correct(id, body.is_hit, admin, requestId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a prediction with its audit logs' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No prediction with this id' })
  async remove(@Param('id', idParam()) id: number): Promise<void> {
    await this.predictions.remove(id);
  }
}
