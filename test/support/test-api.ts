import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { createTestDatabase, dropTestDatabase } from './test-database';
import { testEnvironment } from './test-env';

export interface TestApi {
  app: NestExpressApplication;
  url: string;
  dataSource: DataSource;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** The real API on a free port, over its own database and queue prefix. */
export async function startTestApi(
  overrides: Record<string, string> = {},
  customize: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<TestApi> {
  const database = await createTestDatabase();
  const env = { ...testEnvironment(database), ...overrides };
  Object.assign(process.env, env);
  const moduleRef = await customize(Test.createTestingModule({ imports: [AppModule] })).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>());
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    dataSource: app.get(DataSource),
    env,
    async close() {
      await app.close();
      await dropTestDatabase(database);
    },
  };
}
