import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { TokenCipher } from './token-cipher';

/** The one TokenCipher, keyed from ENCRYPTION_KEY. */
@Global()
@Module({
  providers: [
    {
      provide: TokenCipher,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new TokenCipher(config.ENCRYPTION_KEY),
    },
  ],
  exports: [TokenCipher],
})
export class CryptoModule {}
