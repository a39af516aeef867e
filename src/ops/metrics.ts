import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { randomUUID } from 'node:crypto';
import { withFields, type Logger } from '../logger.js';
import type { Store } from '../store/types.js';

/** Depths of named queues, asked at scrape time (the job queue registers one). */
type QueueDepths = () => Promise<Record<string, number>>;

/**
 * One registry per App, so two apps in one process (tests, the demo) count apart. Counters and
 * histograms are what this process did since it started; the gauges are the database's totals,
 * read at scrape time.
 */
export interface Metrics {
  registry: Registry;
  /** Feed polls by outcome: updated, not_modified, failed. */
  feedPolls: Counter<'outcome'>;
  /** Finished job runs by job name and outcome (ok, failed, skipped, …). */
  jobs: Counter<'job' | 'outcome'>;
  /** Wall time of one job run, by job name. */
  jobSeconds: Histogram<'job'>;
  /** Brief runs by what happened: created, exists or empty when composing; sent, failed, bounced or a skip reason (suppressed, …) when sending. */
  briefs: Counter<'outcome'>;
  /** Adds a source of queue depths, reported as podbrief_queue_depth{queue}. */
  registerQueueDepth(depths: QueueDepths): void;
  /** Reads the database's totals at scrape time, reusing a read less than `maxAgeMs` old. */
  watchStore(store: Pick<Store, 'metricsSnapshot'>, maxAgeMs?: number): void;
  /** Process metrics (CPU, memory, event-loop lag), once a process serves /metrics. */
  collectProcessMetrics(): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const queueDepths: QueueDepths[] = [];
  let store: Pick<Store, 'metricsSnapshot'> | undefined;
  let storeMaxAgeMs = 0;
  let processMetrics = false;

  new Gauge({
    name: 'podbrief_queue_depth',
    help: 'Jobs waiting in each queue.',
    labelNames: ['queue'],
    registers,
    async collect() {
      this.reset();
      for (const depths of queueDepths) for (const [queue, n] of Object.entries(await depths())) this.set({ queue }, n);
    },
  });
  storeGauges(
    registry,
    () => store,
    () => storeMaxAgeMs,
  );

  return {
    registry,
    feedPolls: new Counter({
      name: 'podbrief_feed_polls_total',
      help: 'Feed polls by outcome (updated, not_modified, failed).',
      labelNames: ['outcome'],
      registers,
    }),
    jobs: new Counter({
      name: 'podbrief_jobs_total',
      help: 'Finished job runs by job and outcome.',
      labelNames: ['job', 'outcome'],
      registers,
    }),
    jobSeconds: new Histogram({
      name: 'podbrief_job_duration_seconds',
      help: 'Wall time of one job run, by job.',
      labelNames: ['job'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180, 600],
      registers,
    }),
    briefs: new Counter({
      name: 'podbrief_brief_runs_total',
      help: 'Brief runs of this process by outcome: composing (created, exists, empty), then sending (sent, failed, bounced, or why skipped: suppressed, already_sent, …).',
      labelNames: ['outcome'],
      registers,
    }),
    registerQueueDepth: (depths) => {
      queueDepths.push(depths);
    },
    watchStore: (s, maxAgeMs = 0) => {
      store = s;
      storeMaxAgeMs = maxAgeMs;
    },
    collectProcessMetrics: () => {
      if (processMetrics) return;
      processMetrics = true;
      collectDefaultMetrics({ register: registry, prefix: 'podbrief_' });
    },
  };
}

/**
 * Runs one job: a child logger with its name and id (the queue's job id, else a new one), its wall
 * time in podbrief_job_duration_seconds, and its outcome (picked from the result, by default its
 * `status`, or `error` when it throws) in podbrief_jobs_total.
 */
export async function runJob<T>(
  deps: { metrics: Pick<Metrics, 'jobs' | 'jobSeconds'>; log: Logger },
  job: { name: string; id?: string },
  run: (log: Logger) => Promise<T>,
  outcome: (result: T) => string = statusOf,
): Promise<T> {
  const log = withFields(deps.log, { job: job.name, jobId: job.id ?? randomUUID() });
  const done = deps.metrics.jobSeconds.startTimer({ job: job.name });
  let result = 'error';
  try {
    const value = await run(log);
    result = outcome(value);
    return value;
  } finally {
    const seconds = done();
    deps.metrics.jobs.inc({ job: job.name, outcome: result });
    log.debug('job finished', { outcome: result, ms: Math.round(seconds * 1000) });
  }
}

/** A task's result names what became of it (`status`); a job without one just finished. */
function statusOf(result: unknown): string {
  const status = (result as { status?: unknown } | undefined)?.status;
  return typeof status === 'string' ? status : 'ok';
}

/** The database's totals, one snapshot shared by every gauge of a scrape, and by scrapes within maxAgeMs of it. */
function storeGauges(
  registry: Registry,
  store: () => Pick<Store, 'metricsSnapshot'> | undefined,
  maxAgeMs: () => number,
): void {
  const registers = [registry];
  type Snapshot = Awaited<ReturnType<Store['metricsSnapshot']>>;
  // prom-client starts every gauge's collect of a scrape in one pass: they (and any scrape running at
  // the same time) share the snapshot in flight. A finished one serves scrapes until it is maxAgeMs
  // old: totals a few seconds old say the same, and each read is a GROUP BY over every table.
  let kept: { snapshot: Promise<Snapshot | undefined>; readAt?: number } | undefined;
  const snapshot = () => {
    if (kept?.readAt !== undefined && Date.now() - kept.readAt >= maxAgeMs()) kept = undefined;
    if (!kept) {
      const read: { snapshot: Promise<Snapshot | undefined>; readAt?: number } = {
        snapshot: (store()?.metricsSnapshot() ?? Promise.resolve(undefined)).then(
          (s) => {
            read.readAt = Date.now();
            return s;
          },
          (err: unknown) => {
            if (kept === read) kept = undefined; // A failed read is not kept: the next scrape asks again.
            throw err;
          },
        ),
      };
      kept = read;
    }
    return kept.snapshot;
  };
  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    fill: (set: (labels: Record<string, string>, value: number) => void, s: Snapshot) => void,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        const s = await snapshot();
        this.reset();
        if (s) fill((labels, value) => this.set(labels, value), s);
      },
    });
  gauge('podbrief_feeds', 'Feeds by status.', ['status'], (set, s) => {
    for (const f of s.feeds) set({ status: f.status }, f.n);
  });
  gauge('podbrief_feeds_failing', 'Feeds whose last poll failed, by status.', ['status'], (set, s) => {
    for (const f of s.feeds) set({ status: f.status }, f.failing);
  });
  gauge('podbrief_episodes', 'Episodes by status (new, transcribed, extracted, failed).', ['status'], (set, s) => {
    for (const e of s.episodes) set({ status: e.key }, e.n);
  });
  gauge('podbrief_transcripts', 'Stored transcripts by source.', ['source'], (set, s) => {
    for (const t of s.transcripts) set({ source: t.key }, t.n);
  });
  gauge('podbrief_insights', 'Stored insights by engine.', ['engine'], (set, s) => {
    for (const i of s.insights) set({ engine: i.key }, i.n);
  });
  gauge('podbrief_briefs', 'Briefs composed (all time).', [], (set, s) => set({}, s.briefs));
  gauge(
    'podbrief_deliveries',
    'Brief deliveries by status (pending, sending, sent, failed, cancelled, bounced).',
    ['status'],
    (set, s) => {
      for (const d of s.deliveries) set({ status: d.key }, d.n);
    },
  );
  gauge('podbrief_suppressed_addresses', 'Addresses that get no more mail.', [], (set, s) => set({}, s.suppressed));
  gauge('podbrief_llm_calls', 'LLM calls recorded (all time).', ['provider', 'model'], (set, s) => {
    for (const l of s.llm) set({ provider: l.provider, model: l.model }, l.calls);
  });
  gauge('podbrief_llm_tokens', 'LLM tokens used (all time).', ['provider', 'model', 'direction'], (set, s) => {
    for (const l of s.llm) {
      set({ provider: l.provider, model: l.model, direction: 'input' }, l.inputTokens);
      set({ provider: l.provider, model: l.model, direction: 'output' }, l.outputTokens);
    }
  });
  gauge('podbrief_llm_cost_usd', 'LLM spend in US dollars (all time).', ['provider', 'model'], (set, s) => {
    for (const l of s.llm) set({ provider: l.provider, model: l.model }, l.costUsd);
  });
  gauge('podbrief_asr_audio_seconds', 'Audio seconds transcribed (all time).', ['engine', 'model'], (set, s) => {
    for (const a of s.asr) set({ engine: a.engine, model: a.model }, a.audioSeconds);
  });
  gauge('podbrief_asr_cost_usd', 'Speech-to-text spend in US dollars (all time).', ['engine', 'model'], (set, s) => {
    for (const a of s.asr) set({ engine: a.engine, model: a.model }, a.costUsd);
  });
}
