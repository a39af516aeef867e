import type { App } from '../../app.js';
import { composeBrief, localTime, type ComposeOutcome, type PoolCache } from '../../briefs/index.js';
import { sendBrief, type SendBreaker, type SendOutcome } from '../../delivery/index.js';
import type { User } from '../../model/user.js';
import type { DeliverBriefStore } from '../ports.js';

export interface DeliverResult {
  userId: number;
  email: string;
  date: string;
  compose: ComposeOutcome['status'];
  briefId?: number;
  send?: SendOutcome;
}

/** What composing and sending one brief needs of the App. */
export type DeliverBriefDeps = Pick<App, 'config' | 'mailer' | 'metrics' | 'briefEmailSettings'> & {
  store: DeliverBriefStore;
};

/** Composes the subscriber's brief for their local date (once) and sends it (once). */
export async function deliverBrief(
  app: DeliverBriefDeps,
  user: User,
  now = new Date(),
  pools?: PoolCache,
  breaker?: SendBreaker,
): Promise<DeliverResult> {
  const { date } = localTime(now, user.timezone);
  const composed = await composeBrief({ store: app.store, ...(pools ? { pools } : {}) }, user, date, {
    size: app.config.briefSize,
    relatedPerInsight: app.config.relatedPerInsight,
    now,
  });
  const base = { userId: user.id, email: user.email, date, compose: composed.status };
  app.metrics.briefs.inc({ outcome: composed.status });
  if (composed.status === 'empty') return base;
  const send = await sendBrief({ store: app.store, mailer: app.mailer, breaker }, composed.brief, user, {
    ...app.briefEmailSettings(),
    now,
  });
  // Counted here, so the scheduler's run and the queue's send-brief job report alike.
  app.metrics.briefs.inc({ outcome: send.status === 'skipped' ? send.reason : send.status });
  return { ...base, briefId: composed.brief.id, send };
}
