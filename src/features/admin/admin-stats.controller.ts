import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../platform/auth/auth.decorators.js';
import { AdminStatsDto } from './dto/admin-stats.dto.js';
import { AdminStatsService } from './admin-stats.service.js';

@ApiTags('admin')
@Auth('admin')
@Controller('admin/stats')
export class AdminStatsController {
  constructor(private readonly stats: AdminStatsService) {}

  @Get()
  @ApiOperation({ summary: 'Counts for the admin dashboard', description: 'Songs, predictions, users by role, artists, catalog songs.' })
  @ApiOkResponse({ type: AdminStatsDto })
  get(): Promise<AdminStatsDto> {
    return this.stats.stats();
  }
}
