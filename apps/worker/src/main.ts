import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppLogger } from '@rounds/config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  // SIGTERM/SIGINT close the workers, which wait for jobs in flight.
  app.enableShutdownHooks();
  app.get(AppLogger).log('worker ready');
}

void bootstrap();
