import type { App } from '../../app.js';
import { SIGNUP_TTL_MS } from '../../model/user.js';
import type { ExpireSignUpsStore } from '../ports.js';

/** What the clean-up needs of the App. */
export type ExpireSignUpsDeps = Pick<App, 'log'> & { store: ExpireSignUpsStore };

/**
 * How long a retired insight no brief refers to is kept: a re-extraction retires what a brief
 * showed, and only deleting the subscriber deletes the brief, so this is a grace period, not a
 * record anyone reads.
 */
const RETIRED_INSIGHT_DAYS = 30;

/**
 * Forgets web sign-ups never confirmed within 48 hours (once their last confirmation link has
 * expired too), expired sign-in tokens and sessions, and retired insights no brief refers to
 * after RETIRED_INSIGHT_DAYS. Runs on every scheduler tick; cheap (each an indexed delete).
 */
export async function expireSignUps(
  app: ExpireSignUpsDeps,
  now = new Date(),
): Promise<{ signUps: number; tokens: number; sessions: number; retiredInsights: number }> {
  const signUps = await app.store.deleteExpiredSignups(new Date(now.getTime() - SIGNUP_TTL_MS), now);
  const { tokens, sessions } = await app.store.deleteExpiredAuth(now);
  const retiredInsights = await app.store.deleteRetiredInsights(
    new Date(now.getTime() - RETIRED_INSIGHT_DAYS * 86_400_000),
  );
  if (signUps > 0) app.log.info('expired unconfirmed sign-ups', { count: signUps });
  if (retiredInsights > 0) app.log.info('deleted retired insights no brief refers to', { count: retiredInsights });
  return { signUps, tokens, sessions, retiredInsights };
}
