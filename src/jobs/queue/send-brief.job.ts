import { localTime } from '../../briefs/index.js';
import { receivesBriefs } from '../../model/user.js';
import type { App } from '../../app.js';
import { logBounce } from '../task-failures.js';
import { deliverBrief, type DeliverBriefDeps } from '../tasks/deliver-brief.task.js';
import { stableJobId } from './stable-job-id.js';
import type { JobDefinition } from './job-definition.js';

export interface SendBriefData {
  userId: number;
  /** The subscriber's local date the brief is for. */
  date: string;
}

/**
 * Composes and sends one subscriber's brief for one date (deliverBrief: composed once, the delivery
 * row claimed before SMTP). The job id is derived from user and date, so the scheduler queuing the
 * subscriber again later that day adds nothing. A send that failed, or may
 * succeed later, is retried by the queue.
 */
export const sendBriefJob: JobDefinition<SendBriefData, DeliverBriefDeps & Pick<App, 'log'>> = {
  name: 'send-brief',
  queue: {
    policy: 'exclusive',
    retryLimit: 5,
    retryDelay: 60,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 900,
  },
  key: (d) => `send-brief:${d.userId}:${d.date}`,
  id: (d) => stableJobId(`send-brief:${d.userId}:${d.date}`),
  concurrency: (config) => config.workerSendBriefConcurrency,
  async run({ app }, { userId, date }, { now }) {
    const user = await app.store.userById(userId);
    if (!user || !receivesBriefs(user)) return { userId, status: 'skipped', reason: 'no longer receives briefs' };
    if (await app.store.suppressionFor(user.email)) {
      app.metrics.briefs.inc({ outcome: 'suppressed' });
      return { userId, status: 'skipped', reason: 'address suppressed' };
    }
    // Queued late in the subscriber's day and run after midnight there: that day's brief is gone.
    if (localTime(now, user.timezone).date !== date) return { userId, status: 'skipped', reason: 'the day has passed' };
    const result = await deliverBrief(app, user, { date, now });
    logBounce(app.log, user, result);
    const send = result.send;
    if (send?.status === 'failed') throw new Error(`brief for user ${user.id}: ${send.code}: ${send.error}`);
    if (send?.status === 'skipped' && RETRIED.has(send.reason))
      throw new Error(`brief for user ${user.id} not sent yet: ${send.reason}`);
    return result;
  },
};

/** Not sent, but it may be later today: the queue tries again with its backoff. */
const RETRIED = new Set(['in_progress', 'retry_later', 'mail_server_down']);
