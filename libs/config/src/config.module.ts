import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig, loadConfig } from './app-config';

/** Loads `.env` (when present) through @nestjs/config and provides the validated `AppConfig`. */
@Global()
@Module({
  imports: [
    NestConfigModule.forRoot({
      cache: true,
      envFilePath: '.env',
      // Tests set their whole environment; a developer's .env must not leak into them.
      ignoreEnvFile: process.env.NODE_ENV === 'test',
      load: [() => ({ app: loadConfig(process.env) })],
    }),
  ],
  providers: [
    {
      provide: AppConfig,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => config.getOrThrow<AppConfig>('app'),
    },
  ],
  exports: [AppConfig],
})
export class ConfigModule {}
