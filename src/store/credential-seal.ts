import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../model/errors.js';

/**
 * Feed credentials at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the app's secret.
 * A sealed value is `sealed:v1:<base64url(iv | ciphertext | tag)>`; it has two colons, which a
 * clear `user:password` (each part percent-encoded as in a URL) never has, so rows stored in clear
 * before sealing are told apart and still read.
 */
export interface CredentialSeal {
  seal(clear: string): string;
  /** The clear credentials; `stale` when stored in clear or under a previous key (seal them again). */
  open(stored: string): { clear: string; stale: boolean };
}

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const keyOf = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'podbrief', 'feed credentials v1', 32));

/** `secrets`: the current one first (SECRET_KEY), then any still accepted (SECRET_KEY_PREVIOUS). */
export function credentialSeal(secrets: readonly string[]): CredentialSeal {
  const keys = secrets.filter((s) => s !== '').map(keyOf);
  return {
    seal(clear) {
      const key = keys[0];
      if (!key)
        throw new AppError('feed_credentials_no_key', 'feed credentials cannot be stored: no secret key to seal them');
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    },

    open(stored) {
      if (!stored.startsWith(PREFIX)) return { clear: stored, stale: true };
      const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
      const iv = raw.subarray(0, IV_BYTES);
      const body = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
      const tag = raw.subarray(raw.length - TAG_BYTES);
      for (const [i, key] of keys.entries()) {
        try {
          const decipher = createDecipheriv('aes-256-gcm', key, iv);
          decipher.setAuthTag(tag);
          const clear = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
          return { clear, stale: i > 0 };
        } catch {
          // Not this key (or a damaged value): try the next.
        }
      }
      throw new AppError(
        'feed_credentials_unreadable',
        'stored feed credentials do not open with SECRET_KEY or SECRET_KEY_PREVIOUS (was the secret changed?); add the feed again with its credentials',
      );
    },
  };
}
