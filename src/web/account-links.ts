import { publicBase } from '../delivery/index.js';
import { SIGNUP_TTL_MS, type User } from '../model/user.js';
import type { AuthTokenPurpose, Store } from '../store/types.js';
import { accountEmail } from './account-emails.js';
import type { WebDeps } from './deps.js';
import type { EmailLinkApp } from './ports.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long each kind of emailed link lives, how often it can be used, and how often it is sent. */
const LINK_RULES: Record<
  AuthTokenPurpose,
  { ttlMs: number; maxUses: number; reuseWithinMs: number; path: string; gapMs: number; perDay: number }
> = {
  // Double opt-in: one use, 48 hours; at most one email per address per 10 minutes and 3 a day.
  confirm: {
    ttlMs: SIGNUP_TTL_MS,
    maxUses: 1,
    reuseWithinMs: 48 * HOUR,
    path: '/confirm',
    gapMs: 10 * MINUTE,
    perDay: 3,
  },
  // Magic sign-in: 20 minutes, up to 3 uses (mail scanners open links) within 10 minutes of the first.
  login: {
    ttlMs: 20 * MINUTE,
    maxUses: 3,
    reuseWithinMs: 10 * MINUTE,
    path: '/login/verify',
    gapMs: MINUTE,
    perDay: 10,
  },
};

type Kind = Parameters<typeof accountEmail>[0];

/**
 * Emails `user` a one-time link of `purpose` unless one went out too recently; the token is
 * stored only as its hash. Returns whether an email was sent.
 */
export async function emailLink(
  deps: WebDeps<EmailLinkApp>,
  user: User,
  purpose: AuthTokenPurpose,
  kind: Kind,
  next?: string,
): Promise<boolean> {
  const { store, mailer, config, log } = deps.app;
  const rules = LINK_RULES[purpose];
  const at = deps.now();
  const [recent, today] = await Promise.all([
    store.authTokensSince(user.id, purpose, new Date(at.getTime() - rules.gapMs)),
    store.authTokensSince(user.id, purpose, new Date(at.getTime() - 24 * HOUR)),
  ]);
  if (recent > 0 || today >= rules.perDay) {
    log.info('web: link not sent (too soon)', { user_id: user.id, purpose });
    return false;
  }
  const token = newToken();
  const tokenHash = hashToken(token);
  await store.createAuthToken({
    tokenHash,
    purpose,
    userId: user.id,
    maxUses: rules.maxUses,
    at,
    expiresAt: new Date(at.getTime() + rules.ttlMs),
  });
  const query = new URLSearchParams({ token, ...(next && next !== '/' ? { next } : {}) });
  const url = `${publicBase(config.publicUrl)}${rules.path}?${query}`;
  await mailer.send(accountEmail(kind, user.email, config.mailFrom, url), {
    idempotencyKey: `${purpose}-${tokenHash.slice(0, 32)}`,
  });
  log.info('web: link sent', { user_id: user.id, purpose });
  return true;
}

/** Uses one of the token's uses; the user it was made for, or undefined (not a token, unknown, expired, used up). */
export async function useLink(
  deps: WebDeps<{ store: Pick<Store, 'useAuthToken'> }>,
  purpose: AuthTokenPurpose,
  token: unknown,
): Promise<number | undefined> {
  if (!isTokenShaped(token)) return undefined;
  return deps.app.store.useAuthToken(hashToken(token), purpose, deps.now(), LINK_RULES[purpose].reuseWithinMs);
}

/** Whether the token could still be used, without using it (the page a GET shows). */
export async function linkIsValid(
  deps: WebDeps<{ store: Pick<Store, 'authTokenUser'> }>,
  purpose: AuthTokenPurpose,
  token: string,
): Promise<boolean> {
  return (await deps.app.store.authTokenUser(hashToken(token), purpose, deps.now())) !== undefined;
}
