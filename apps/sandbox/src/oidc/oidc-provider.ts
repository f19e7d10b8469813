import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { OIDC_DEMO_CLIENT } from './oidc-demo-client';
import { oidcTestUser } from './oidc-users';

/** The path the provider is mounted at; its issuer is `${sandboxUrl}/oidc`. */
export const OIDC_PATH = '/oidc';

/**
 * A real OpenID Connect provider (`oidc-provider`, test and development only): discovery, JWKS,
 * authorization code with PKCE, ID tokens, userinfo, the demo client (redirecting to
 * `demoRedirectUri`), and dynamic client registration (POST /oidc/reg) for tests.
 */
export function createOidcProvider(sandboxUrl: string, demoRedirectUri: string): Provider {
  return new Provider(`${sandboxUrl}${OIDC_PATH}`, {
    clients: [
      {
        client_id: OIDC_DEMO_CLIENT.clientId,
        client_secret: OIDC_DEMO_CLIENT.clientSecret,
        redirect_uris: [demoRedirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    features: {
      devInteractions: { enabled: true },
      registration: { enabled: true },
      userinfo: { enabled: true },
    },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    // Like most enterprise providers, put the requested claims in the ID token itself.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { Session: 3600, Grant: 3600, Interaction: 600, AccessToken: 600, IdToken: 600 },
    cookies: { keys: ['rounds-sandbox-oidc'] },
    findAccount: (_ctx: unknown, id: string) => {
      const user = oidcTestUser(id);
      if (!user) return undefined;
      return {
        accountId: user.email,
        claims: () => ({
          sub: user.email,
          email: user.email,
          email_verified: true,
          name: user.name,
          groups: user.groups,
        }),
      };
    },
    // First-party apps skip the consent screen: signing in is the whole interaction.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, provider } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });
}
