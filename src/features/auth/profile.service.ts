import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { UploadedTempFile } from '../../platform/common/http/upload.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { inspectImage } from '../../platform/storage/media-checks.js';
import { MediaStorage, newMediaKey } from '../../platform/storage/media-storage.js';
import { ListenerPlanService } from '../subscriptions/listener-plan.service.js';
import type { UpdateProfileDto } from './dto/profile.dto.js';
import { toUserDto, type UserDto } from './dto/user.dto.js';

@Injectable()
export class ProfileService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly storage: MediaStorage,
    private readonly plans: ListenerPlanService,
  ) {}

  async update(userId: string, changes: UpdateProfileDto, picture: UploadedTempFile | undefined): Promise<UserDto> {
    if (changes.offline_mode && !(await this.plans.planFor(userId)).offline) {
      throw new ForbiddenException('offline_mode needs a premium plan: see GET /api/subscriptions.');
    }
    const existing = await this.prisma.user.findUnique({ where: { id: userId }, select: { pictureKey: true } });
    if (!existing) throw new NotFoundException('This account no longer exists.');
    let pictureKey: string | null = null;
    if (picture) {
      const image = await inspectImage(picture.path, 'picture');
      pictureKey = newMediaKey('images', image.extension);
      await this.storage.save(pictureKey, picture.path, image.mimeType);
    }
    try {
      const user = await this.prisma.user.update({
        where: { id: userId },
        data: {
          ...(changes.display_name !== undefined && { displayName: changes.display_name }),
          ...(changes.audio_quality !== undefined && { audioQuality: changes.audio_quality }),
          ...(changes.offline_mode !== undefined && { offlineMode: changes.offline_mode }),
          ...(pictureKey && { pictureKey }),
        },
        include: { artist: { select: { id: true } } },
      });
      if (pictureKey && existing.pictureKey) await this.storage.discard(existing.pictureKey);
      return toUserDto(user);
    } catch (error) {
      if (pictureKey) await this.storage.discard(pictureKey);
      throw error;
    }
  }

  async pictureKey(userId: string): Promise<string | null> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { pictureKey: true } });
    if (!user) throw new NotFoundException(`User ${userId} not found`);
    return user.pictureKey;
  }
}
