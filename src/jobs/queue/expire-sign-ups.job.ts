import { expireSignUps, type ExpireSignUpsDeps } from '../tasks/expire-sign-ups.task.js';
import type { JobDefinition } from './job-definition.js';

/** Forgets unconfirmed sign-ups and expired tokens and sessions; one at a time across the fleet. */
export const expireSignUpsJob: JobDefinition<Record<string, never>, ExpireSignUpsDeps> = {
  name: 'expire-sign-ups',
  queue: { policy: 'exclusive', retryLimit: 1, retryDelay: 60, expireInSeconds: 300 },
  key: () => 'expire-sign-ups',
  concurrency: () => 1,
  run: ({ app }, _data, { now }) => expireSignUps(app, now),
};
