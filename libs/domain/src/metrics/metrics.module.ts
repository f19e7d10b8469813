import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { MetricsCollector } from './metrics-collector.service';
import { MetricsSweep } from './metrics-sweep.service';

/** Metrics collection for the worker: the sweep and the batch reads. */
@Module({
  imports: [ChannelsModule],
  providers: [MetricsSweep, MetricsCollector],
  exports: [MetricsSweep, MetricsCollector],
})
export class MetricsModule {}
