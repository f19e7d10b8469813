export * from './approval-errors';
export * from './approval-policy';
export * from './approval-policy.service';
export * from './approval-queue.service';
export * from './approval.entity';
export * from './approval.service';
export * from './approvals.module';
export * from './review.service';
