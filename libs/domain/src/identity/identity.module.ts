import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AppConfig } from '@rounds/config';
import { MailModule } from '../mail/mail.module';
import { AccountLinksService } from './account-links.service';
import { IdentityService } from './identity.service';
import { MfaCodes } from './mfa/mfa-codes';
import { MfaEnrolmentService } from './mfa/mfa-enrolment.service';
import { MfaLoginService } from './mfa/mfa-login.service';
import { OidcClient } from './sso/oidc-client';
import { SsoLoginService } from './sso/sso-login.service';
import { SsoPolicy } from './sso/sso-policy';
import { SsoSettingsService } from './sso/sso-settings.service';
import { PasswordHasher } from './password-hasher';
import { SessionChecks } from './session-checks';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [
    MailModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // PEM public key on every verification, the largest cost of an authenticated request.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { expiresIn: config.JWT_ACCESS_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    AccountLinksService,
    IdentityService,
    PasswordHasher,
    SessionChecks,
    TokenService,
    UsersService,
    MfaCodes,
    MfaEnrolmentService,
    MfaLoginService,
    OidcClient,
    SsoLoginService,
    SsoPolicy,
    SsoSettingsService,
  ],
  exports: [
    AccountLinksService,
    IdentityService,
    SessionChecks,
    TokenService,
    UsersService,
    MfaEnrolmentService,
    MfaLoginService,
    SsoLoginService,
    SsoSettingsService,
  ],
})
export class IdentityModule {}
