import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

/** The settings Encore keeps (table settings), by key. */
export const SETTING_KEYS = {
  /** When `demo remove` ran: the first-start importers then add no demo data again. */
  demoDataRemovedAt: 'demo_data_removed_at',
} as const;

export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

/** Installation-wide values kept between starts (table settings). */
@Injectable()
export class SettingsService {
  constructor(private readonly prisma: PrismaService) {}

  async get(key: SettingKey): Promise<string | null> {
    return (await this.prisma.setting.findUnique({ where: { key } }))?.value ?? null;
  }

  async set(key: SettingKey, value: string): Promise<void> {
    await this.prisma.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }

  /** Whether `demo remove` ran and `demo add` has not since: the first-start importers then add no demo data. */
  async demoDataRemoved(): Promise<boolean> {
    return (await this.get(SETTING_KEYS.demoDataRemovedAt)) !== null;
  }

  async clear(key: SettingKey): Promise<void> {
    await this.prisma.setting.deleteMany({ where: { key } });
  }
}
