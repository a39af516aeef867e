import type { App } from '../../app.js';
import { SIGNUP_TTL_MS } from '../../model/user.js';
import type { ExpireSignUpsStore } from '../ports.js';

/** What the clean-up needs of the App. */
export type ExpireSignUpsDeps = Pick<App, 'log'> & { store: ExpireSignUpsStore };

/**
 * Forgets web sign-ups never confirmed within 48 hours (once their last confirmation link has
 * expired too), and expired sign-in tokens and sessions. Runs on every scheduler tick; cheap.
 */
export async function expireSignUps(
  app: ExpireSignUpsDeps,
  now = new Date(),
): Promise<{ signUps: number; tokens: number; sessions: number }> {
  const signUps = await app.store.deleteExpiredSignups(new Date(now.getTime() - SIGNUP_TTL_MS), now);
  const { tokens, sessions } = await app.store.deleteExpiredAuth(now);
  if (signUps > 0) app.log.info('expired unconfirmed sign-ups', { count: signUps });
  return { signUps, tokens, sessions };
}
