export * from './notification-kind';
export * from './notification.entity';
export * from './notifications.module';
export * from './notifications.service';
export * from './notification-link';
