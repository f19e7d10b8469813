import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig } from '@rounds/config';

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface OidcAuthorization {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcCheck {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** `openid-client` (v6) for one provider: discovery, the authorize URL and the code exchange. */
@Injectable()
export class OidcClient {
  constructor(private readonly config: AppConfig) {}

  /** Where every provider sends the browser back (register it with the provider). */
  get redirectUri(): string {
    return `${this.config.PUBLIC_URL}/api/v1/auth/sso/callback`;
  }

  /** Plain-HTTP issuers only outside production (the sandbox's provider). */
  discover(settings: OidcClientSettings): Promise<oidc.Configuration> {
    const insecure = this.config.NODE_ENV !== 'production';
    return oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret,
      undefined,
      insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  }

  /** Authorization code with PKCE (S256), state and nonce. */
  async authorize(configuration: oidc.Configuration): Promise<OidcAuthorization> {
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile groups',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /**
   * Exchanges the code and validates the ID token (signature, issuer, audience, expiry, nonce);
   * the claims are the ID token's, completed from userinfo where the provider keeps them there.
   */
  async exchange(
    configuration: oidc.Configuration,
    callbackUrl: URL,
    check: OidcCheck,
  ): Promise<Record<string, unknown>> {
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: check.codeVerifier,
      expectedState: check.state,
      expectedNonce: check.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    if (!configuration.serverMetadata().userinfo_endpoint) return { ...claims };
    const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    return { ...userinfo, ...claims };
  }
}
