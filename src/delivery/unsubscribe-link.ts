import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../model/errors.js';

// The purpose prefix keeps a token minted here from being valid for any other signed link
// that might share the secret later.
const PURPOSE = 'podbrief:unsubscribe:v1:';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function assertUserId(userId: number): void {
  if (!Number.isSafeInteger(userId) || userId <= 0) {
    throw new AppError('invalid_user_id', 'User id must be a positive integer');
  }
}

function mac(userId: number, secret: string): Buffer {
  if (!secret) throw new AppError('missing_unsubscribe_secret', 'Unsubscribe secret is empty');
  return createHmac('sha256', secret).update(`${PURPOSE}${userId}`).digest();
}

export function signUnsubscribe(userId: number, secret: string): string {
  assertUserId(userId);
  return mac(userId, secret).toString('base64url');
}

export function verifyUnsubscribe(userId: number, token: string, secret: string): boolean {
  if (!Number.isSafeInteger(userId) || userId <= 0) return false;
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return false;
  const expected = mac(userId, secret);
  const given = Buffer.from(token, 'base64url');
  // Re-encoding rejects non-canonical base64url (a flipped padding bit decodes to the same bytes).
  if (given.length !== expected.length || given.toString('base64url') !== token) return false;
  return timingSafeEqual(given, expected);
}

export function unsubscribeUrl(publicUrl: string, userId: number, secret: string): string {
  const token = signUnsubscribe(userId, secret);
  return `${publicBase(publicUrl)}/unsubscribe?u=${userId}&t=${token}`;
}

/** The configured public URL without trailing slashes; only http(s) is accepted. */
export function publicBase(publicUrl: string): string {
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
