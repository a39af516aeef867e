import type { ShowRepeatsStore } from '../ports.js';
import { showBoilerplateFor, type ShowBoilerplate } from '../tasks/process-episode.task.js';

const RENEW_MS = 5 * 60_000;

/**
 * A worker's show boilerplate: a poll enqueues a show's new episodes together, so the worker's jobs
 * share what the show repeats instead of each reading its stored transcripts again; made anew every
 * few minutes so that what other workers stored meanwhile counts too.
 */
export function workerShowBoilerplate(): (app: { store: ShowRepeatsStore }, now: Date) => ShowBoilerplate {
  let kept: { made: number; boilerplate: ShowBoilerplate } | undefined;
  return (app, now) => {
    if (!kept || Math.abs(now.getTime() - kept.made) >= RENEW_MS)
      kept = { made: now.getTime(), boilerplate: showBoilerplateFor(app) };
    return kept.boilerplate;
  };
}
