import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { SkipDto, SkipResultDto } from './dto/subscription.dto.js';
import { PlayerSkipsService } from './player-skips.service.js';

@ApiTags('player')
@Controller('player')
export class PlayerController {
  constructor(private readonly skips: PlayerSkipsService) {}

  @Post('skip')
  @ApiOperation({ summary: "Record a skip, within the Free plan's hourly limit" })
  @HttpCode(200)
  @Auth()
  @ApiOkResponse({ type: SkipResultDto })
  @ApiTooManyRequestsResponse({ description: 'Free listeners: the 7th skip within an hour (retry_after seconds, and Retry-After)' })
  skip(@CurrentUser() user: AuthUser, @Body() body: SkipDto): Promise<SkipResultDto> {
    return this.skips.skip(user.id, body.song_id);
  }
}
