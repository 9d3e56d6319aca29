import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { LocalMediaStorage } from './local-media-storage.js';
import { MediaStorage } from './media-storage.js';
import { S3MediaStorage } from './s3-media-storage.js';

/** The media storage of the deployment, chosen by STORAGE_DRIVER. */
@Global()
@Module({
  providers: [
    {
      provide: MediaStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig): MediaStorage =>
        config.STORAGE_DRIVER === 's3'
          ? new S3MediaStorage({
              // Config validation demands S3_BUCKET with STORAGE_DRIVER=s3.
              bucket: config.S3_BUCKET!,
              region: config.S3_REGION,
              endpoint: config.S3_ENDPOINT,
              accessKeyId: config.S3_ACCESS_KEY_ID,
              secretAccessKey: config.S3_SECRET_ACCESS_KEY,
            })
          : new LocalMediaStorage(config.mediaDir),
    },
  ],
  exports: [MediaStorage],
})
export class StorageModule {}
