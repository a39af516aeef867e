import type { App } from '../app.js';
import { localTime } from '../briefs/index.js';
import type { User } from '../model/user.js';

/** Counts a due subscriber's brief that is not sent because their address is suppressed. */
export type CountSuppressed = (user: User, now: Date) => void;

/**
 * Counts each suppressed subscriber in podbrief_brief_runs_total{outcome="suppressed"} once per
 * local date their brief falls due, however many ticks find them due that day (a tick a minute from
 * their delivery hour on): the counter then reads as briefs not sent, as `sent` reads as briefs sent.
 * A scheduler keeps one for all its ticks; a one-off run makes its own.
 */
export function suppressedBriefCounter(app: Pick<App, 'metrics'>): CountSuppressed {
  const countedOn = new Map<number, string>();
  return (user, now) => {
    const date = localTime(now, user.timezone).date;
    if (countedOn.get(user.id) === date) return;
    countedOn.set(user.id, date);
    app.metrics.briefs.inc({ outcome: 'suppressed' });
  };
}
