import { Global, Module } from '@nestjs/common';
import { SettingsService } from './settings.service.js';

/** Installation-wide settings, for every module. */
@Global()
@Module({ providers: [SettingsService], exports: [SettingsService] })
export class SettingsModule {}
