import { createHash } from 'node:crypto';
import type { Logger } from '../../logger.js';
import { errorMessage } from '../../model/errors.js';
import type { Transcript } from '../../model/transcript.js';
import { spentOverDailyBudget } from '../../model/daily-budget.js';
import { FetchError } from '../../net/index.js';
import type { LlmCacheKey } from '../../store/types.js';
import { DEFAULT_TOP, embeddedExtractor } from '../extract.js';
import type { InsightExtractor } from '../types.js';
import { callForInsights, type CallContext } from './call-model.js';
import { createCircuitBreaker, FAILURES_TO_OPEN } from './circuit-breaker.js';
import { formatUsd } from './cost.js';
import { LlmHttpError, LlmOutputError, LlmUnavailableError } from './errors.js';
import { groundInsights, type Candidate, type Dropped } from './ground.js';
import { mergeCandidates } from './merge.js';
import { estimatedCostUsd, planRequests } from './plan-requests.js';
import { PROMPT_VERSION } from './prompt.js';
import { createProvider, type LlmProvider } from './providers/index.js';
import { isPriced, type LlmSettings } from './settings.js';
import {
  realRuntime,
  type DropCounts,
  type EngineOptions,
  type ExtractionReport,
  type InsightEngine,
  type LlmStore,
  type Runtime,
} from './types.js';

const NOTHING_GROUNDED = 'the model gave no insight grounded in the transcript';

export interface LlmExtractorDeps {
  settings: LlmSettings;
  store: LlmStore;
  log: Logger;
  /** Takes over when the LLM cannot answer usefully; the embedded engine by default. */
  fallback?: InsightExtractor;
  provider?: LlmProvider;
  runtime?: Partial<Runtime>;
}

/**
 * The LLM insight engine: cache → daily budget → one call per chunk → quotes grounded in the
 * transcript → merged, deduplicated, ranked → cached. Unusable answers, exhausted retries and an
 * exhausted budget fall back to the embedded engine; a long rate limit throws LlmDeferredError.
 * Several episodes failing in a row open a circuit breaker: the embedded engine is used without
 * calling the provider until its cooldown has passed.
 */
export function createLlmExtractor(deps: LlmExtractorDeps): InsightEngine {
  const { settings, store, log } = deps;
  const runtime: Runtime = { ...realRuntime, ...deps.runtime };
  const provider = deps.provider ?? createProvider(settings, log);
  const fallback = deps.fallback ?? embeddedExtractor;
  let budgetLoggedOn: string | undefined;
  const circuit = createCircuitBreaker();

  async function fallBack(
    transcript: Transcript,
    opts: EngineOptions,
    reason: string,
    quietly = false,
  ): Promise<ExtractionReport> {
    const fields = { episode_id: opts.episodeId, reason };
    const lasting = reason === NOTHING_GROUNDED ? { lastingFallback: true } : {};
    if (opts.fallback === false) return { insights: [], engine: 'embedded', fallbackReason: reason, ...lasting };
    if (quietly) log.debug('LLM engine: using the embedded engine', fields);
    else log.warn('LLM engine: using the embedded engine', fields);
    return {
      insights: await fallback.extract(transcript, opts),
      engine: 'embedded',
      fallbackReason: reason,
      ...lasting,
    };
  }

  async function extractWithReport(transcript: Transcript, opts: EngineOptions = {}): Promise<ExtractionReport> {
    const top = opts.top ?? DEFAULT_TOP;
    if (top <= 0 || transcript.segments.length === 0) return { insights: [], engine: 'llm', calls: 0 };
    const key: LlmCacheKey = {
      transcriptHash: transcriptKey(transcript),
      engine: `llm:${provider.name}`,
      model: settings.model,
      promptVersion: PROMPT_VERSION,
    };
    const cached = await store.cachedLlmInsights(key);
    if (cached?.length === 0) return fallBack(transcript, opts, NOTHING_GROUNDED, true);
    if (cached) return { insights: cached.slice(0, top), engine: 'llm', cached: true, calls: 0 };

    const planned = planRequests(transcript, top, settings);
    const now = runtime.now();
    const overBudget = await budgetProblem(store, settings, now, estimatedCostUsd(planned, settings));
    if (overBudget) {
      const day = now.toISOString().slice(0, 10);
      const logged = budgetLoggedOn === day;
      budgetLoggedOn = day;
      return fallBack(transcript, opts, overBudget, logged);
    }

    const blockedUntil = circuit.blockedUntil(now);
    if (blockedUntil) {
      return fallBack(
        transcript,
        opts,
        `the LLM provider failed for ${FAILURES_TO_OPEN} episodes in a row; not calling it again before ${blockedUntil.toISOString()}`,
        true,
      );
    }

    const ctx: CallContext = {
      provider,
      settings,
      store,
      log,
      runtime,
      episodeId: opts.episodeId ?? null,
      transcriptHash: transcript.hash,
    };
    const candidates: Candidate[] = [];
    const dropped: Dropped[] = [];
    let invalid = 0;
    let calls = 0;
    try {
      for (const [n, { chunk, request }] of planned.entries()) {
        const answer = await callForInsights(ctx, request);
        calls += answer.calls;
        invalid += answer.invalid;
        // Grounding costs time per item; a model that answers with far more than asked gets read only so far.
        const grounded = groundInsights(
          answer.items.slice(0, Math.max(2 * top, 10)),
          transcript,
          { first: chunk.firstSegment, last: chunk.lastSegment },
          n,
        );
        candidates.push(...grounded.kept);
        dropped.push(...grounded.dropped);
      }
    } catch (err) {
      if (!isProviderFailure(err)) throw err;
      // A model that answered badly is up; only failing to get an answer counts as an outage.
      if (!(err instanceof LlmOutputError) && circuit.failed(runtime.now())) {
        log.warn('LLM engine: provider looks down, pausing calls', {
          until: circuit.blockedUntil(runtime.now())?.toISOString(),
        });
      }
      return fallBack(transcript, opts, errorMessage(err));
    }
    circuit.succeeded();

    const { insights, duplicates } = mergeCandidates(candidates);
    await store.cacheLlmInsights(key, insights);
    const counts = dropCounts(dropped, invalid, duplicates);
    for (const d of dropped)
      log.info('LLM insight dropped', { episode_id: opts.episodeId, reason: d.reason, quote: excerpt(d.quote) });
    if (dropped.length + invalid > 0) log.info('LLM insights dropped', { episode_id: opts.episodeId, ...counts });
    if (insights.length === 0)
      return { ...(await fallBack(transcript, opts, NOTHING_GROUNDED)), dropped: counts, calls };
    return { insights: insights.slice(0, top), engine: 'llm', dropped: counts, calls };
  }

  return {
    name: 'llm',
    extract: async (transcript, opts) => (await extractWithReport(transcript, opts)).insights,
    extractWithReport,
  };
}

/** What the LLM (or the way to it) got wrong; anything else, e.g. a store failure, propagates. */
function isProviderFailure(err: unknown): boolean {
  return (
    err instanceof LlmOutputError ||
    err instanceof LlmUnavailableError ||
    err instanceof LlmHttpError ||
    err instanceof FetchError
  );
}

function dropCounts(dropped: Dropped[], invalid: number, duplicate: number): DropCounts {
  const ungrounded = dropped.filter((d) => d.reason === 'quote_not_in_transcript').length;
  return { ungrounded, unsafe: dropped.length - ungrounded, invalid, duplicate };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

/**
 * Why the calls must not start: today's (UTC) recorded spend plus their estimated cost would
 * pass the daily budget. Undefined when they may, and always when calls are free.
 */
async function budgetProblem(
  store: LlmStore,
  settings: LlmSettings,
  now: Date,
  estimateUsd: number,
): Promise<string | undefined> {
  if (!isPriced(settings)) return undefined;
  const spent = await spentOverDailyBudget(
    (since) => store.llmSpendSince(since),
    settings.dailyBudgetUsd,
    now,
    estimateUsd,
  );
  if (spent === undefined) return undefined;
  return `daily LLM budget of ${formatUsd(settings.dailyBudgetUsd)} reached (${formatUsd(spent)} spent today, this transcript needs up to ${formatUsd(estimateUsd)})`;
}

/**
 * The cache's transcript hash: everything the model sees and the insights take from the
 * transcript (times, speakers, text). `Transcript.hash` covers the text alone, so two timings of
 * the same words would otherwise share cached insights with the wrong timestamps.
 */
function transcriptKey(transcript: Transcript): string {
  const hash = createHash('sha256');
  for (const s of transcript.segments) {
    hash.update(JSON.stringify([s.start, s.end, s.speaker ?? null, s.untimed === true, s.text]));
    hash.update('\n');
  }
  return hash.digest('hex');
}
