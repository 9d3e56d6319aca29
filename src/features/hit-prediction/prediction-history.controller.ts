import { Controller, Get, Param, Query } from '@nestjs/common';
import { idParam } from '../../platform/common/http/query.js';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListPredictionsQueryDto } from './dto/list-predictions.query.dto.js';
import { PredictionHistoryService } from './prediction-history.service.js';
import { Listing } from '../../platform/common/http/page-links.js';

@ApiTags('predictions')
@Controller('predictions')
export class PredictionHistoryController {
  constructor(private readonly history: PredictionHistoryService) {}

  @Get()
  @ApiOperation({ summary: 'List stored predictions, newest first' })
  @Listing({ description: '{count, page, page_size, results}, newest first' })
  list(@Query() query: ListPredictionsQueryDto) {
    return this.history.list(query);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Prediction totals, hit and flop shares, per day' })
  @ApiOkResponse({ description: 'Totals, HIT/FLOP shares, mean confidence, per day' })
  stats() {
    return this.history.stats();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One stored prediction' })
  @ApiNotFoundResponse({ description: 'No prediction with this id' })
  get(@Param('id', idParam()) id: number) {
    return this.history.get(id);
  }
}
