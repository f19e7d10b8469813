import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { AuditChainService } from './audit-chain.service';
import { AuditExportService } from './audit-export.service';
import { AuditSigner } from './audit-signer';
import { AuditService } from './audit.service';
import { CHECKPOINT_SINK } from './checkpoint';
import { FileCheckpointSink } from './file-checkpoint-sink';

/** Global: every feature records to the trail. */
@Global()
@Module({
  providers: [
    AuditService,
    AuditChainService,
    AuditExportService,
    {
      provide: AuditSigner,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new AuditSigner(config.AUDIT_SIGNING_KEY),
    },
    {
      provide: CHECKPOINT_SINK,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new FileCheckpointSink(config.AUDIT_CHECKPOINT_DIR),
    },
  ],
  exports: [AuditService, AuditChainService, AuditExportService, AuditSigner, CHECKPOINT_SINK],
})
export class AuditModule {}
