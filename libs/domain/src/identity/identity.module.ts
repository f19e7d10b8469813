import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@rounds/config';
import { MailModule } from '../mail/mail.module';
import { AccountLinksService } from './account-links.service';
import { IdentityService } from './identity.service';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [
    MailModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { expiresIn: config.JWT_ACCESS_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AccountLinksService, IdentityService, PasswordHasher, TokenService, UsersService],
  exports: [AccountLinksService, IdentityService, TokenService, UsersService],
})
export class IdentityModule {}
