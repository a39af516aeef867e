import { createHash, randomBytes } from 'node:crypto';

/** A fresh 256-bit random token, URL- and cookie-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a token or session id: its SHA-256, so a leaked table grants nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens we hand out are 43 base64url characters; anything else is not looked up at all. */
export function isTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
