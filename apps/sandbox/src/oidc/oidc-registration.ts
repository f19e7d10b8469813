/** A client registered with the provider (RFC 7591), for a redirect URI known only at run time. */
export async function registerOidcClient(
  issuer: string,
  redirectUri: string,
): Promise<{ clientId: string; clientSecret: string }> {
  const response = await fetch(`${issuer}/reg`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Rounds (test)',
      redirect_uris: [redirectUri],
      token_endpoint_auth_method: 'client_secret_post',
    }),
  });
  if (!response.ok)
    throw new Error(`registration failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { client_id: string; client_secret: string };
  return { clientId: body.client_id, clientSecret: body.client_secret };
}
