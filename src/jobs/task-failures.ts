import type { Logger } from '../logger.js';
import type { DeliverResult } from './tasks/deliver-brief.task.js';
import type { ProcessResult } from './tasks/process-episode.task.js';
import type { RefreshResult } from './tasks/refresh-feed.task.js';

// What a task's failure leaves in the log, the same whether the embedded scheduler or a queue worker ran it.

export function logFeedFailure(log: Logger, feed: { url: string }, result: RefreshResult): void {
  if (result.status === 'failed') log.warn(`feed ${feed.url}: ${result.error}`, { code: result.code });
}

export function logEpisodeFailure(log: Logger, result: ProcessResult): void {
  if (result.status === 'failed') log.warn(`episode ${result.episodeId} "${result.title}": ${result.error}`);
}

export function logBounce(log: Logger, user: { id: number }, result: DeliverResult): void {
  const send = result.send;
  if (send?.status === 'bounced')
    log.warn(`brief for user ${user.id} bounced; address suppressed: ${send.error}`, { code: send.code });
}
