// PKCE (RFC 7636) stands in for the client secret a browser extension cannot keep:
// only the party that started the login knows the verifier the token call needs.

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const VERIFIER_LENGTH = 64;

/** Bytes as base64url without padding, the encoding PKCE and OAuth state use. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string over the unreserved charset, without modulo bias. */
function randomUnreserved(length: number): string {
  let out = '';
  // 66 symbols: accept bytes below 198 (3 × 66) so every symbol is equally likely.
  while (out.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < 198 && out.length < length) out += UNRESERVED.charAt(b % UNRESERVED.length);
    }
  }
  return out;
}

/** The S256 challenge for a verifier: base64url(SHA-256(ASCII verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** A fresh verifier (64 unreserved characters, within RFC 7636's 43–128) and its S256 challenge. */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomUnreserved(VERIFIER_LENGTH);
  return { verifier, challenge: await pkceChallenge(verifier) };
}

/** An unguessable OAuth `state`, tying the redirect to the login this session started. */
export function createOAuthState(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(24)));
}
