import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../../platform/auth/auth.decorators.js';
import { uuidParam } from '../../../platform/common/http/query.js';
import { AddTeamMemberDto, TeamMemberDto } from '../dto/team.dto.js';
import { ArtistTeamService } from './artist-team.service.js';

@ApiTags('analytics')
@Controller('analytics/artists/:id/team')
@Auth()
@ApiNotFoundResponse({ description: 'No artist with this id (or no such account or member)' })
export class ArtistTeamController {
  constructor(private readonly team: ArtistTeamService) {}

  @Get()
  @ApiOperation({ summary: "An artist's team" })
  @ApiOkResponse({ type: [TeamMemberDto], description: "The artist's own account (owner) and its team members" })
  list(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<TeamMemberDto[]> {
    return this.team.list(user, id);
  }

  @Post()
  @ApiOperation({ summary: "Add an account to an artist's team" })
  @HttpCode(200)
  @ApiOkResponse({ type: [TeamMemberDto], description: 'The team after adding the account (adding a member twice changes nothing)' })
  add(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: AddTeamMemberDto): Promise<TeamMemberDto[]> {
    return this.team.add(user, id, body.login);
  }

  @Delete(':userId')
  @ApiOperation({ summary: "Remove a member from an artist's team" })
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('userId', uuidParam('userId')) userId: string): Promise<void> {
    await this.team.remove(user, id, userId);
  }
}
