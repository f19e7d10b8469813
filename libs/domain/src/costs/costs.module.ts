import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { CostPreviewService } from './cost-preview.service';

/** The composer's cost preview against the X budget and the YouTube quota. */
@Module({
  imports: [ChannelsModule],
  providers: [CostPreviewService],
  exports: [CostPreviewService],
})
export class CostsModule {}
