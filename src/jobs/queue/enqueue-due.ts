import type { App } from '../../app.js';
import { localTime } from '../../briefs/index.js';
import { receivesBriefs } from '../../model/user.js';
import { expireSignUpsJob } from './expire-sign-ups.job.js';
import type { Enqueue } from './job-definition.js';
import { pollFeedData, pollFeedJob } from './poll-feed.job.js';
import { PROCESS_WINDOW_DAYS, processEpisodeJob } from './process-episode.job.js';
import { sendBriefJob } from './send-brief.job.js';
import { upgradeInsightsJob } from './upgrade-insights.job.js';

/** Candidates per tick: the next tick queues the rest, and a job already queued is not queued twice. */
const EPISODES_PER_TICK = 10_000;

export interface Enqueued {
  feeds: number;
  episodes: number;
  briefs: number;
}

/**
 * One tick of the scale-mode scheduler: what the embedded scheduler would do now, queued as jobs
 * (due feeds → poll-feed, episodes to process → process-episode, subscribers whose delivery hour
 * has come → send-brief, plus the sign-up clean-up and the LLM back-fill). Counts what was newly queued.
 */
export async function enqueueDue(app: App, enqueue: Enqueue, now: Date): Promise<Enqueued> {
  await enqueue(expireSignUpsJob, [{}]);
  const feeds = await enqueue(pollFeedJob, (await app.store.dueFeeds(now)).map(pollFeedData));
  const since = new Date(now.getTime() - PROCESS_WINDOW_DAYS * 86_400_000);
  const episodes = await enqueue(
    processEpisodeJob,
    (await app.store.episodesToProcess(since, EPISODES_PER_TICK, now)).map((e) => ({ episodeId: e.id })),
  );
  if (app.config.insightEngine === 'llm') await enqueue(upgradeInsightsJob, [{}]);
  const suppressed = new Set((await app.store.listSuppressions()).map((s) => s.email));
  const due = (await app.store.listUsers()).flatMap((user) => {
    if (!receivesBriefs(user) || suppressed.has(user.email.trim().toLowerCase())) return [];
    const local = localTime(now, user.timezone);
    return local.hour < user.deliveryHour ? [] : [{ userId: user.id, date: local.date }];
  });
  const briefs = await enqueue(sendBriefJob, due);
  return { feeds, episodes, briefs };
}
