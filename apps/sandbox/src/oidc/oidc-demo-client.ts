/** The OpenID client `npm start` configures for the demo organization (sandbox only). */
export const OIDC_DEMO_CLIENT = { clientId: 'rounds-demo', clientSecret: 'rounds-demo-secret' };
