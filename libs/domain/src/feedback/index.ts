export * from './feedback-category';
export * from './feedback-classifier';
export * from './feedback-group.entity';
export * from './feedback-owners.service';
export * from './feedback-route.entity';
export * from './feedback-settings.service';
export * from './feedback.module';
