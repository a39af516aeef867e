import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../model/errors.js';

// The purpose prefix keeps a token minted for one kind of link from being valid for another.
export type LinkPurpose = 'unsubscribe' | 'preferences' | 'feedback' | 'listen';
const prefix = (purpose: LinkPurpose) => `podbrief:${purpose}:v1:`;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function assertUserId(userId: number): void {
  if (!Number.isSafeInteger(userId) || userId <= 0) {
    throw new AppError('invalid_user_id', 'User id must be a positive integer');
  }
}

// `scope` binds more than the user, e.g. the insight and vote of a feedback link.
function mac(purpose: LinkPurpose, userId: number, secret: string, scope = ''): Buffer {
  if (!secret) throw new AppError('missing_unsubscribe_secret', 'Unsubscribe secret is empty');
  return createHmac('sha256', secret)
    .update(`${prefix(purpose)}${userId}${scope ? `:${scope}` : ''}`)
    .digest();
}

export function signUserLink(purpose: LinkPurpose, userId: number, secret: string, scope = ''): string {
  assertUserId(userId);
  return mac(purpose, userId, secret, scope).toString('base64url');
}

/**
 * The current key, or every key a link may carry a signature of (current first, then the one it
 * replaced while a rotation's grace period lasts): see SECRET_KEY_PREVIOUS.
 */
export type VerifyKeys = string | readonly string[];

export function verifyUserLink(
  purpose: LinkPurpose,
  userId: number,
  token: string,
  secret: VerifyKeys,
  scope = '',
): boolean {
  if (!Number.isSafeInteger(userId) || userId <= 0) return false;
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return false;
  const given = Buffer.from(token, 'base64url');
  // Re-encoding rejects non-canonical base64url (a flipped padding bit decodes to the same bytes).
  if (given.toString('base64url') !== token) return false;
  const keys = (typeof secret === 'string' ? [secret] : secret).filter((k, i) => i === 0 || k !== '');
  if (keys.length === 0) throw new AppError('missing_unsubscribe_secret', 'Unsubscribe secret is empty');
  // Every key is checked (no early exit), each in constant time.
  let valid = false;
  for (const key of keys) {
    const expected = mac(purpose, userId, key, scope);
    if (given.length === expected.length && timingSafeEqual(given, expected)) valid = true;
  }
  return valid;
}

export function signUnsubscribe(userId: number, secret: string): string {
  return signUserLink('unsubscribe', userId, secret);
}

export function verifyUnsubscribe(userId: number, token: string, secret: VerifyKeys): boolean {
  return verifyUserLink('unsubscribe', userId, token, secret);
}

export function unsubscribeUrl(publicUrl: string, userId: number, secret: string): string {
  return userLinkUrl('unsubscribe', publicUrl, userId, secret);
}

/** `${publicUrl}/<purpose>?u=<id>&t=<token>`: a link only this subscriber's emails carry. */
export function userLinkUrl(purpose: LinkPurpose, publicUrl: string, userId: number, secret: string): string {
  return `${publicBase(publicUrl)}/${purpose}?u=${userId}&t=${signUserLink(purpose, userId, secret)}`;
}

// Every link of every email starts from the one configured URL: parse it once, not per link.
let lastBase: { publicUrl: string; base: string } | undefined;

/** The configured public URL without trailing slashes; only http(s) is accepted. */
export function publicBase(publicUrl: string): string {
  if (lastBase?.publicUrl === publicUrl) return lastBase.base;
  const base = parsedBase(publicUrl);
  lastBase = { publicUrl, base };
  return base;
}

function parsedBase(publicUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new AppError('invalid_public_url', 'Public URL is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid_public_url', 'Public URL must use http or https');
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new AppError('invalid_public_url', 'Public URL must not carry a query, fragment or credentials');
  }
  return url.href.replace(/\/+$/, '');
}
