export * from './push-message';
export * from './push-subscription.entity';
export * from './push.service';
