import { runJob } from '../ops/index.js';
import {
  pollFeeds,
  sendDueBriefs,
  processEpisodes,
  type DeliverBriefsDeps,
  type PollFeedsDeps,
  type ProcessEpisodesDeps,
} from './pipeline.js';
import { suppressedBriefCounter } from './suppressed-briefs.js';
import { startTicker, type Ticker } from './ticker.js';
import { expireSignUps, type ExpireSignUpsDeps } from './tasks/expire-sign-ups.task.js';
import { upgradeInsights, type UpgradeInsightsDeps } from './tasks/upgrade-insights.task.js';

/** The scheduler's tick runs one cycle now (forget expired sign-ups → poll due feeds → process new episodes → back-fill LLM insights → deliver due briefs). */
export type Scheduler = Ticker;

/** The scheduler needs what the tasks of its cycle need. */
type SchedulerDeps = ExpireSignUpsDeps & PollFeedsDeps & ProcessEpisodesDeps & UpgradeInsightsDeps & DeliverBriefsDeps;

/**
 * The embedded scheduler: one in-process loop. Ticks never overlap; a failing tick is logged
 * and the next one runs as usual.
 */
export function startScheduler(
  app: SchedulerDeps,
  opts: { intervalSeconds?: number; now?: () => Date } = {},
): Scheduler {
  const now = opts.now ?? (() => new Date());
  const countSuppressed = suppressedBriefCounter(app);

  const cycle = async () => {
    const at = now();
    await runJob(app, { name: 'expire-sign-ups' }, () => expireSignUps(app, at));
    const polled = await pollFeeds(app, { now: at });
    const processed = await processEpisodes(app, { now: at });
    const upgrades = await runJob(app, { name: 'upgrade-insights' }, () => upgradeInsights(app, { now: at }));
    const upgraded = upgrades.filter((u) => u.status === 'upgraded').length;
    let sent = 0;
    await sendDueBriefs(app, { now: at, countSuppressed }, (d) => {
      if (d.send?.status === 'sent') sent += 1;
    });
    if (polled.length || processed.length || upgraded || sent) {
      app.log.info('scheduler tick', {
        feeds: polled.length,
        episodes: processed.length,
        upgraded_to_llm: upgraded,
        briefs_sent: sent,
      });
    }
  };
  const ticker = startTicker(cycle, { intervalSeconds: opts.intervalSeconds ?? 60, log: app.log });
  void ticker.tick();
  return ticker;
}
