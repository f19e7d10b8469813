import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** Global: every feature records to the trail. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
