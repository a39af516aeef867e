import type { App } from '../../app.js';
import { localTime } from '../../briefs/index.js';
import { dueSubscribers } from '../due-subscribers.js';
import { suppressedBriefCounter, type CountSuppressed } from '../suppressed-briefs.js';
import type { EnqueueDueStore } from '../ports.js';
import { expireSignUpsJob } from './expire-sign-ups.job.js';
import type { Enqueue } from './job-definition.js';
import { pollFeedData, pollFeedJob } from './poll-feed.job.js';
import { PROCESS_WINDOW_DAYS } from '../pipeline.js';
import { processEpisodeJob } from './process-episode.job.js';
import { sendBriefJob } from './send-brief.job.js';
import { upgradeInsightsJob } from './upgrade-insights.job.js';

/** Candidates per tick: the next tick queues the rest, and a job already queued is not queued twice. */
const EPISODES_PER_TICK = 10_000;

export interface Enqueued {
  feeds: number;
  episodes: number;
  briefs: number;
}

/** What one tick of queuing reads. */
export type EnqueueDueDeps = Pick<App, 'config' | 'metrics'> & { store: EnqueueDueStore };

/**
 * One tick of the scale-mode scheduler: what the embedded scheduler would do now, queued as jobs
 * (due feeds → poll-feed, episodes to process → process-episode, subscribers whose delivery hour
 * has come → send-brief, plus the sign-up clean-up and the LLM back-fill). Counts what was newly queued;
 * `countSuppressed` (the scheduler's, kept across ticks) hears of the due subscribers whose address is suppressed.
 */
export async function enqueueDue(
  app: EnqueueDueDeps,
  enqueue: Enqueue,
  now: Date,
  countSuppressed: CountSuppressed = suppressedBriefCounter(app),
): Promise<Enqueued> {
  await enqueue(expireSignUpsJob, [{}]);
  const feeds = await enqueue(pollFeedJob, (await app.store.dueFeeds(now)).map(pollFeedData));
  const since = new Date(now.getTime() - PROCESS_WINDOW_DAYS * 86_400_000);
  const episodes = await enqueue(
    processEpisodeJob,
    (await app.store.episodesToProcess(since, EPISODES_PER_TICK, now)).map((e) => ({ episodeId: e.id })),
  );
  if (app.config.insightEngine === 'llm') await enqueue(upgradeInsightsJob, [{}]);
  let briefs = 0;
  for await (const page of dueSubscribers(app, now, { onSuppressed: (user) => countSuppressed(user, now) })) {
    const due = page.map((user) => ({ userId: user.id, date: localTime(now, user.timezone).date }));
    // A brief already past sending today needs no job (its stable id would only be refused by the queue again).
    const over = await app.store.deliveryOverFor(due);
    briefs += await enqueue(
      sendBriefJob,
      due.filter((_, i) => !over[i]),
    );
  }
  return { feeds, episodes, briefs };
}
