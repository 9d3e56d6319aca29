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
      // The AWS SDK loads only for the s3 driver: local storage starts without it.
      useFactory: async (config: AppConfig): Promise<MediaStorage> =>
        config.STORAGE_DRIVER === 's3'
          ? new (await import('./s3-media-storage.js')).S3MediaStorage({
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
