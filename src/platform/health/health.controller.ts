import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthDto } from './dto/health.dto.js';
import { HealthService } from './health.service.js';
import { ExemptFromRequestLimits } from '../request-limits/request-weight.decorators.js';

@ApiTags('health')
@Controller('health')
// Load balancers and monitors poll it, and must see the truth while a client is being refused.
@ExemptFromRequestLimits()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Whether the app and its database are up' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database is unreachable' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthDto> {
    const health = await this.health.check();
    if (health.database === 'down') response.status(503);
    return health;
  }
}
