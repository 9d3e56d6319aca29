import { Controller, Get, Param, Query } from '@nestjs/common';
import { idParam } from '../common/http/query.js';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListPredictionsQueryDto } from './dto/list-predictions.query.dto.js';
import { PredictionHistoryService } from './prediction-history.service.js';

@ApiTags('predictions')
@Controller('predictions')
export class PredictionHistoryController {
  constructor(private readonly history: PredictionHistoryService) {}

  @Get()
  @ApiOkResponse({ description: '{count, page, page_size, results}, newest first' })
  list(@Query() query: ListPredictionsQueryDto) {
    return this.history.list(query);
  }

  @Get('stats')
  @ApiOkResponse({ description: 'Totals, HIT/FLOP shares, mean confidence, per day' })
  stats() {
    return this.history.stats();
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No prediction with this id' })
  get(@Param('id', idParam()) id: number) {
    return this.history.get(id);
  }
}
