import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DemoSeeder } from './demo.seeder';
import { SeedModule } from './seed.module';

/** `node dist/apps/api/src/seed/seed.js`: idempotent demo data for `npm start`. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  const outcome = await app.get(DemoSeeder).seed();
  console.log(`demo organization ${outcome === 'created' ? 'created' : 'already present'}`);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
