import { RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, AppLogger, PINO } from '@rounds/config';
import { answerClientErrorsWithJson } from './common/client-errors';
import { AllExceptionsFilter } from './common/exception.filter';
import { httpLogging } from './common/logging';
import { documentImpliedLimits } from './common/openapi-limits';
import { createValidationPipe } from './common/validation.pipe';

const DASHBOARD_DIR = join(process.cwd(), 'apps/dashboard/dist');
const SERVER_PATHS = /^\/(api|health|metrics|admin|l)(\/|$)/;

export function openApiDocument(app: NestExpressApplication) {
  const config = new DocumentBuilder()
    .setTitle('Rounds API')
    .setDescription('Compliant social media publishing for hospitals')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return documentImpliedLimits(SwaggerModule.createDocument(app, config));
}

/** Everything about the HTTP surface that is not a controller; shared by main.ts and the tests. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  // In preview mode (the API client generator) no provider runs and these are null.
  const [config, pino] = [app.get(AppConfig) as AppConfig | null, app.get(PINO) as Logger | null];
  app.useLogger(app.get(AppLogger));
  if (pino) app.use(httpLogging(pino));
  app.set('trust proxy', trustProxy(config?.TRUST_PROXY));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'connect-src': ["'self'"] },
      },
    }),
  );
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      { path: 'admin/queues', method: RequestMethod.ALL },
      { path: 'l/:code', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  answerClientErrorsWithJson(app.getHttpServer());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  serveDashboard(app);
  return app;
}

/** Express's setting from TRUST_PROXY: a hop count, or addresses and ranges; none when empty. */
function trustProxy(value: string | undefined): number | string | false {
  if (!value) return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * The built React app at /, with client-side routes falling back to index.html. The server's own
 * paths go straight on: a file lookup on disk for every API request cost a system call each.
 */
function serveDashboard(app: NestExpressApplication): void {
  if (!existsSync(join(DASHBOARD_DIR, 'index.html'))) return;
  const assets = express.static(DASHBOARD_DIR, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (SERVER_PATHS.test(request.path)) return next();
    assets(request, response, () => {
      if (request.method !== 'GET') return next();
      response.sendFile(join(DASHBOARD_DIR, 'index.html'));
    });
  });
}
