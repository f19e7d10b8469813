import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DemoChannelsSeeder } from './demo-channels.seeder';
import { DemoSsoSeeder } from './demo-sso.seeder';
import { DemoSeeder } from './demo.seeder';
import { SeedModule } from './seed.module';

/**
 * `node dist/apps/sandbox/src/seed/seed.js`: idempotent demo data for `npm start`. Built with the
 * sandbox by `npm run build:sandbox`, so it is never part of the production build or image.
 */
async function main(): Promise<void> {
  // Demo users have published passwords: never in a real deployment.
  if (process.env.NODE_ENV === 'production') {
    throw new Error('the demo seed refuses to run with NODE_ENV=production');
  }
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  const outcome = await app.get(DemoSeeder).seed();
  console.log(`demo organization ${outcome === 'created' ? 'created' : 'already present'}`);
  const channels = await app.get(DemoChannelsSeeder).seed();
  if (channels > 0) console.log(`demo channels connected: ${channels} sandbox accounts`);
  if (await app.get(DemoSsoSeeder).seed()) {
    console.log('demo single sign-on set up against the sandbox OpenID provider');
  }
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
