import { Body, Controller, Get, Param, Put, Res, UploadedFile } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { uuidParam } from '../../platform/common/http/query.js';
import { FileUpload, MB, type UploadedTempFile } from '../../platform/common/http/upload.js';
import { MediaStorage } from '../../platform/storage/media-storage.js';
import { sendImage } from '../../platform/storage/send-image.js';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { AuthService } from './auth.service.js';
import { UpdateProfileDto, UpdateProfileFormDto } from './dto/profile.dto.js';
import { UserDto } from './dto/user.dto.js';
import { ProfileService } from './profile.service.js';

@ApiTags('accounts')
@Controller()
export class ProfileController {
  constructor(
    private readonly auth: AuthService,
    private readonly profiles: ProfileService,
    private readonly storage: MediaStorage,
  ) {}

  @Get('profile')
  @ApiOperation({ summary: "The signed-in account's profile" })
  @Auth()
  @ApiOkResponse({ type: UserDto })
  get(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user.id);
  }

  @Put('profile')
  @ApiOperation({ summary: 'Update the profile, optionally with a new picture' })
  @Auth()
  @FileUpload('picture', 5 * MB)
  @ApiBody({ type: UpdateProfileFormDto })
  @ApiOkResponse({ type: UserDto })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateProfileDto, @UploadedFile() picture?: UploadedTempFile): Promise<UserDto> {
    return this.profiles.update(user.id, body, picture);
  }

  @Get('users/:id/picture')
  @ApiOperation({ summary: "An account's profile picture" })
  @ApiOkResponse({ description: 'The profile picture' })
  async picture(@Param('id', uuidParam()) id: string, @Res() response: Response): Promise<void> {
    await sendImage(response, this.storage, await this.profiles.pictureKey(id), `User ${id}`);
  }
}
