import { Module } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { ConsentService } from './consent.service';
import { LocalDiskMediaStorage } from './local-disk.storage';
import { MediaIngestService } from './media-ingest.service';
import { MediaStorage } from './media-storage';
import { MediaService } from './media.service';

@Module({
  providers: [
    MediaService,
    MediaIngestService,
    ConsentService,
    {
      provide: MediaStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new LocalDiskMediaStorage(config.MEDIA_DIR),
    },
  ],
  exports: [MediaService, MediaIngestService, ConsentService, MediaStorage],
})
export class MediaModule {}
