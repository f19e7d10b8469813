export * from './channel-authorization.entity';
export * from './channel-connect.service';
export * from './channel-errors';
export * from './channel-tokens.service';
export * from './channel.entity';
export * from './channels.module';
export * from './channels.service';
export * from './platform-clients';
