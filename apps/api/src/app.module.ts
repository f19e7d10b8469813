import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { AppConfig, ConfigModule, LoggingModule } from '@rounds/config';
import { DatabaseModule } from '@rounds/database';
import { AuditModule, IdentityModule, RetentionModule } from '@rounds/domain';
import { MediaModule, NotificationsModule } from '@rounds/domain';
import {
  ApprovalsModule,
  ComplianceModule,
  OrganizationsModule,
  PostsModule,
} from '@rounds/domain';
import {
  ConversationsModule,
  CryptoModule,
  FeedbackModule,
  LinksModule,
  ReadVersionsModule,
  ReportsModule,
} from '@rounds/domain';
import { ChannelsModule, CostsModule } from '@rounds/domain';
import { QueueModule, REDIS, type RedisClient } from '@rounds/queue';
import { ApprovalsController } from './approvals/approvals.controller';
import { AuditController } from './audit/audit.controller';
import { ChannelsController } from './channels/channels.controller';
import { AuthGuard } from './common/auth.guard';
import { MetricsController } from './common/metrics.controller';
import { ReadCache } from './common/read-cache';
import { StorableInputMiddleware } from './common/storable-input.middleware';
import { ComplianceController } from './compliance/compliance.controller';
import { ConversationsController } from './conversations/conversations.controller';
import { MessageTriageController } from './conversations/message-triage.controller';
import { FeedbackSettingsController } from './feedback/feedback-settings.controller';
import { ReplyTemplatesController } from './conversations/reply-templates.controller';
import { RestrictedTermsController } from './compliance/restricted-terms.controller';
import { RedisThrottlerStorage } from './common/redis-throttler.storage';
import { HealthController } from './health/health.controller';
import { AuthController } from './identity/auth.controller';
import { MfaController } from './identity/mfa.controller';
import { SsoController } from './identity/sso.controller';
import { UsersController } from './identity/users.controller';
import { authThrottlers } from './identity/auth-throttlers';
import { ConsentsController } from './media/consents.controller';
import { MediaController } from './media/media.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { PushController } from './notifications/push.controller';
import { OperatorModule } from './operator/operator.module';
import { LinkRedirectController } from './links/link-redirect.controller';
import { LinksController } from './links/links.controller';
import { LegalHoldController } from './organization/legal-hold.controller';
import { OrganizationController } from './organization/organization.controller';
import { SsoSettingsController } from './organization/sso-settings.controller';
import { PostActionsController } from './posts/post-actions.controller';
import { PostsController } from './posts/posts.controller';
import { ReportsController } from './reports/reports.controller';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: authThrottlers(config),
        storage: new RedisThrottlerStorage(redis, config.QUEUE_PREFIX),
      }),
    }),
    TerminusModule,
    PrometheusModule.register({ controller: MetricsController }),
    AuditModule,
    RetentionModule,
    IdentityModule,
    MediaModule,
    NotificationsModule,
    OrganizationsModule,
    ComplianceModule,
    PostsModule,
    ApprovalsModule,
    CryptoModule,
    ReportsModule,
    ConversationsModule,
    FeedbackModule,
    ChannelsModule,
    CostsModule,
    ReadVersionsModule,
    LinksModule,
    OperatorModule,
  ],
  controllers: [
    AuthController,
    SsoController,
    UsersController,
    MfaController,
    SsoSettingsController,
    AuditController,
    HealthController,
    MediaController,
    ConsentsController,
    NotificationsController,
    PushController,
    OrganizationController,
    LegalHoldController,
    ComplianceController,
    PostsController,
    PostActionsController,
    ApprovalsController,
    ReportsController,
    ConversationsController,
    MessageTriageController,
    ReplyTemplatesController,
    FeedbackSettingsController,
    RestrictedTermsController,
    ChannelsController,
    LinksController,
    LinkRedirectController,
  ],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, ReadCache],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(StorableInputMiddleware).forRoutes('*path');
  }
}
