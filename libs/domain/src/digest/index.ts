export * from './digest-send.entity';
export * from './digest.module';
export * from './digest.service';
