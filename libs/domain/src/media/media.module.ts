import { Module } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { ConsentService } from './consent.service';
import { LocalDiskMediaStorage } from './local-disk.storage';
import { MediaIngestService } from './media-ingest.service';
import { MediaStorage } from './media-storage';
import { MediaService } from './media.service';
import { ImageTextService } from './text/image-text.service';
import { MediaTextService } from './text/media-text.service';
import { TextRecognizer } from './text/text-recognizer';

@Module({
  providers: [
    MediaService,
    MediaIngestService,
    ConsentService,
    TextRecognizer,
    ImageTextService,
    MediaTextService,
    {
      provide: MediaStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new LocalDiskMediaStorage(config.MEDIA_DIR),
    },
  ],
  exports: [
    MediaService,
    MediaIngestService,
    ConsentService,
    MediaStorage,
    ImageTextService,
    MediaTextService,
  ],
})
export class MediaModule {}
