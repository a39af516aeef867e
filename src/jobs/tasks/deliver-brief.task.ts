import type { App } from '../../app.js';
import { composeBrief, type ComposeOutcome, type PoolCache } from '../../briefs/index.js';
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

/** When and for which day one brief is composed and sent; a send run shares its pools and breaker. */
export interface DeliverBriefWhen {
  /**
   * The subscriber's local date the brief is for: decided by the caller (the send run from its
   * clock, a send-brief job from its data), never read again from the clock here, so a send that
   * crosses the subscriber's midnight still sends the day it was started for.
   */
  date: string;
  now: Date;
  pools?: PoolCache;
  breaker?: SendBreaker;
}

/** Composes the subscriber's brief for `date` (once) and sends it (once). */
export async function deliverBrief(
  app: DeliverBriefDeps,
  user: User,
  { date, now, pools, breaker }: DeliverBriefWhen,
): Promise<DeliverResult> {
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
