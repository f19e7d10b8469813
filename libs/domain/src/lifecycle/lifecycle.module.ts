import { Module } from '@nestjs/common';
import { Lifecycle } from './lifecycle.service';

/** The one writer of post, publication and reply statuses (with their audit events). */
@Module({ providers: [Lifecycle], exports: [Lifecycle] })
export class LifecycleModule {}
