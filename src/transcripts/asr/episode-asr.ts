import { join } from 'node:path';
import type { Config } from '../../config/options.js';
import type { Logger } from '../../logger.js';
import { AppError, errorMessage } from '../../model/errors.js';
import type { Transcript } from '../../model/transcript.js';
import { spentOverDailyBudget, type SpentSince } from '../../model/daily-budget.js';
import type { EpisodeRow } from '../../store/types.js';
import type { EpisodeAsrStore } from '../ports.js';
import type { AsrRung } from './create-transcribers.js';
import { runAsr, type ChunkCost } from './run-asr.js';
import type { Transcriber } from './types.js';

/**
 * Whether an episode can reach some subscriber's brief, from its metadata alone. Briefs come after
 * transcripts in the pipeline, so the caller that knows both (jobs) supplies it.
 */
type CanReachBrief = (episode: EpisodeRow) => Promise<{ reach: boolean; reason: string }>;

export interface EpisodeAsrDeps {
  config: Config;
  store: EpisodeAsrStore;
  log: Logger;
  canReach: CanReachBrief;
  /** The configured engines, built once by the caller (createAsrLadder). */
  ladder: readonly AsrRung[];
  now?: () => Date;
}

export type EpisodeAsrOutcome = { transcript: Transcript; note: string } | { reason: string };

/**
 * Speech-to-text for one pipeline episode, only when it is worth it: an engine is configured,
 * the episode has audio, its metadata can reach some subscriber's brief, it is not too long, and
 * the paid engines stay within today's budget. Every charged chunk is recorded as it is paid.
 */
export async function transcribeEpisode(deps: EpisodeAsrDeps, episode: EpisodeRow): Promise<EpisodeAsrOutcome> {
  const { config: c, store } = deps;
  const now = deps.now ?? (() => new Date());
  if (c.asrEngine.length === 0) return { reason: 'no engine configured (ASR_ENGINE=none)' };
  if (!episode.audioUrl) return { reason: 'the episode has no audio enclosure' };
  const maxSeconds = c.asrMaxDurationMinutes * 60;
  if (episode.durationSeconds !== null && episode.durationSeconds > maxSeconds) {
    return {
      reason: `the feed declares ${Math.round(episode.durationSeconds / 60)} min, more than ASR_MAX_DURATION_MINUTES (${c.asrMaxDurationMinutes})`,
    };
  }
  const reach = await deps.canReach(episode);
  if (!reach.reach) return { reason: `it cannot reach any brief (${reach.reason})` };

  const skipped: string[] = [];
  const engines = await affordableEngines(deps, episode, now, skipped);
  if (engines.length === 0) return { reason: skipped.join('; ') || 'no usable engine' };
  try {
    const result = await runAsr(episode.audioUrl, {
      engines,
      workDir: join(c.dataDir, 'asr'),
      ffmpegPath: c.ffmpegPath,
      ffprobePath: c.ffprobePath,
      maxAudioBytes: c.asrMaxAudioBytes,
      maxDurationSeconds: maxSeconds,
      chunkSeconds: c.asrChunkMinutes * 60,
      overlapSeconds: c.asrChunkOverlapSeconds,
      ...(episode.durationSeconds !== null && { declaredDurationSeconds: episode.durationSeconds }),
      download: {
        allowPrivateNetworks: c.allowPrivateNetworks,
        userAgent: c.userAgent,
        connectTimeoutMs: c.fetchConnectTimeoutSeconds * 1000,
      },
      beforePaidChunk: async (cost) => {
        const spent = await spentOverDailyBudget(asrSpent(store), c.asrDailyBudgetUsd, now(), cost.costUsd);
        if (spent !== undefined) throw budgetReached(spent, c.asrDailyBudgetUsd);
      },
      onPaidChunk: (cost: ChunkCost) => store.recordAsrUsage({ episodeId: episode.id, ...cost, at: now() }),
    });
    const minutes = (result.audioSeconds / 60).toFixed(1);
    const reused = result.cachedChunks > 0 ? `, ${result.cachedChunks} chunk(s) reused from an earlier run` : '';
    const tried = [...skipped, ...result.failures].join('; ');
    const note = `speech-to-text by ${result.engine} (${result.model}): ${minutes} min of audio, $${result.costUsd.toFixed(4)}${reused}${tried ? ` (${tried})` : ''}`;
    return { transcript: result.transcript, note };
  } catch (err) {
    deps.log.warn(`speech-to-text for episode ${episode.id} failed: ${errorMessage(err)}`);
    return { reason: [...skipped, errorMessage(err)].join('; ') };
  }
}

/** The configured ladder minus engines that cannot be built or whose estimate no longer fits today's budget. */
async function affordableEngines(
  deps: EpisodeAsrDeps,
  episode: EpisodeRow,
  now: () => Date,
  skipped: string[],
): Promise<Transcriber[]> {
  const { config: c, store } = deps;
  const out: Transcriber[] = [];
  for (const rung of deps.ladder) {
    if ('unusable' in rung) {
      skipped.push(`${rung.name}: ${rung.unusable}`);
      continue;
    }
    const { name, engine } = rung;
    if (engine.pricePerMinuteUsd > 0) {
      const estimate = ((episode.durationSeconds ?? 0) / 60) * engine.pricePerMinuteUsd;
      const spent = await spentOverDailyBudget(asrSpent(store), c.asrDailyBudgetUsd, now(), estimate);
      if (spent !== undefined) {
        skipped.push(`${name}: ${budgetReached(spent, c.asrDailyBudgetUsd, estimate).message}`);
        continue;
      }
    }
    out.push(engine);
  }
  return out;
}

function asrSpent(store: Pick<EpisodeAsrStore, 'asrSpendSince'>): SpentSince {
  return (since) => store.asrSpendSince(since);
}

function budgetReached(spent: number, budget: number, estimate?: number): AppError {
  const need = estimate === undefined ? '' : ` and this episode would cost about $${estimate.toFixed(2)}`;
  return new AppError(
    'asr_budget_exhausted',
    `daily budget ASR_DAILY_BUDGET_USD ($${budget.toFixed(2)}) reached: $${spent.toFixed(2)} spent today${need}`,
  );
}
