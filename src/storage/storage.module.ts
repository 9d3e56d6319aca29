import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { LocalMediaStorage } from './local-media-storage.js';
import { MediaStorage } from './media-storage.js';

/** The media storage of the deployment, chosen by STORAGE_DRIVER. */
@Global()
@Module({
  providers: [
    {
      provide: MediaStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig): MediaStorage => new LocalMediaStorage(config.mediaDir),
    },
  ],
  exports: [MediaStorage],
})
export class StorageModule {}
