import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { UserDto } from '../auth/dto/user.dto.js';
import { uuidParam } from '../../platform/common/http/query.js';
import { AdminUserPageDto, AdminUsersQueryDto, UpdateAdminUserDto } from './dto/admin-user.dto.js';
import { AdminUsersService } from './admin-users.service.js';
import { Listing } from '../../platform/common/http/page-links.js';

@ApiTags('admin')
@Auth('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @ApiOperation({ summary: 'List accounts', description: 'search: part of the email, username or display name (case does not matter).' })
  @Listing({ type: AdminUserPageDto })
  @ApiBadRequestResponse({ description: 'A bad filter, named in the message' })
  list(@Query() query: AdminUsersQueryDto): Promise<AdminUserPageDto> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No account with this id' })
  get(@Param('id', uuidParam()) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change an account's role or display name",
    description:
      'Becoming an artist creates the artist it publishes as (named after the display name) when missing. A new role applies to the account’s next request; its logins are kept.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ description: 'Every bad field named' })
  @ApiNotFoundResponse({ description: 'No account with this id' })
  @ApiConflictResponse({ description: 'An admin removing their own admin role' })
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateAdminUserDto, @CurrentUser() admin: AuthUser): Promise<UserDto> {
    return this.users.update(id, body, admin);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an account',
    description: 'Its sessions, likes, playlists and plan go with it; an artist it published as stays, without an account.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No account with this id' })
  @ApiConflictResponse({ description: "The caller's own account, or one with a Stripe subscription still billed" })
  async remove(@Param('id', uuidParam()) id: string, @CurrentUser() admin: AuthUser): Promise<void> {
    await this.users.remove(id, admin);
  }
}
