export * from './mfa-enrolment.service';
export * from './mfa-errors';
export * from './mfa-login.service';
export * from './mfa-policy';
export * from './mfa-recovery-code.entity';
export * from './totp';
export * from './user-mfa.entity';
