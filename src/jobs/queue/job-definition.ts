import type { Queue } from 'pg-boss';
import type { App } from '../../app.js';
import type { Config } from '../../config/index.js';
import type { ShowRepeatsStore } from '../ports.js';
import type { ShowBoilerplate } from '../tasks/process-episode.task.js';

/**
 * What a job body may do besides its task: hand follow-up work to the queue, and share what one
 * worker keeps between its jobs. `app` is what the job uses of the App.
 */
interface JobContext<A> {
  app: A;
  enqueue: Enqueue;
  /** What shows repeat (workerShowBoilerplate): one per worker, shared by its process-episode jobs. */
  showBoilerplate: (app: { store: ShowRepeatsStore }, now: Date) => ShowBoilerplate;
}

/** When a job runs, and how many times it ran before (its worker failed or died). */
interface Attempt {
  now: Date;
  retryCount: number;
}

/** Puts jobs on a queue; each one whose key is already queued or running is left out. */
export type Enqueue = <D extends object>(job: JobDefinition<D>, items: readonly D[]) => Promise<number>;

/**
 * One kind of job in scale mode: its queue's retry policy, the key that keeps a second copy out
 * while one is queued or running, how many one worker process runs at once, and its body, which
 * calls the task function the embedded scheduler calls in-process.
 */
export interface JobDefinition<D extends object, A = App> {
  name: QueueName;
  /** Retry and expiry policy of the queue (pg-boss `createQueue` options). */
  queue: Omit<Queue, 'name'>;
  /** The singleton key: at most one job per key is queued or running. */
  key(data: D): string;
  /** A stable job id: a second job for the same id is refused for as long as the first is kept. */
  id?(data: D): string;
  /** Jobs that must not run at once across the whole fleet share a group (feeds: their host). */
  group?(data: D): string;
  groupConcurrency?(config: Config): number;
  concurrency(config: Config): number;
  run(ctx: JobContext<A>, data: D, attempt: Attempt): Promise<unknown>;
}

export const QUEUE_NAMES = [
  'poll-feed',
  'process-episode',
  'send-brief',
  'expire-sign-ups',
  'upgrade-insights',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** A job definition of any data type, for the registry. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds definitions of different data types
export type AnyJobDefinition = JobDefinition<any>;
