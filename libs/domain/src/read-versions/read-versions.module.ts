import { Module } from '@nestjs/common';
import { ReadVersionsService } from './read-versions.service';

@Module({ providers: [ReadVersionsService], exports: [ReadVersionsService] })
export class ReadVersionsModule {}
