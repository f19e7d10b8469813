export * from './oidc-client';
export * from './sso-connection.entity';
export * from './sso-errors';
export * from './sso-login.entity';
export * from './sso-login.service';
export * from './sso-provisioning';
export * from './sso-settings.service';
