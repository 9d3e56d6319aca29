import { Injectable, NotFoundException } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { MediaStorage } from '../../../platform/storage/media-storage.js';
import { ListenerPlanService } from '../../subscriptions/listener-plan.service.js';
import { streamQuality } from '../../subscriptions/plans.js';
import { visibleSongs } from '../visibility.js';
import { parseRange, type RangeAnswer } from './byte-range.js';

export interface SongStream {
  mimeType: string;
  size: number;
  range: RangeAnswer;
  /** The quality tier the listener's plan and preference give (the stored file is served as is). */
  quality: { quality: string; kbps: number };
  open(): Promise<Readable>;
}

@Injectable()
export class SongStreamService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly storage: MediaStorage,
    private readonly plans: ListenerPlanService,
  ) {}

  async open(id: string, user: AuthUser | undefined, rangeHeader: string | undefined): Promise<SongStream> {
    const song = await this.prisma.catalogSong.findFirst({ where: { AND: [{ id }, visibleSongs(user)] }, select: { audioKey: true, mimeType: true } });
    if (!song) throw new NotFoundException(`Song ${id} not found`);
    const size = await this.storage.size(song.audioKey);
    if (size === null) throw new NotFoundException(`The audio of song ${id} is missing from media storage`);
    const [plan, listener] = await Promise.all([
      this.plans.planFor(user?.id),
      user ? this.prisma.user.findUnique({ where: { id: user.id }, select: { audioQuality: true } }) : null,
    ]);
    const range = parseRange(rangeHeader, size);
    return {
      mimeType: song.mimeType,
      size,
      range,
      quality: streamQuality(listener?.audioQuality ?? 'normal', plan),
      open: () => this.storage.open(song.audioKey, range.kind === 'partial' ? range : undefined),
    };
  }
}
