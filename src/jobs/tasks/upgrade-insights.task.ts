import type { App } from '../../app.js';
import type { Transcript } from '../../model/transcript.js';
import { LlmDeferredError } from '../../insights/llm/index.js';
import { withEpisodeClaim } from '../episode-lease.js';
import type { UpgradeInsightsStore } from '../ports.js';
import { indexNewInsights } from './index-insights.js';

export type UpgradeResult =
  | { episodeId: number; status: 'upgraded'; insights: number }
  | { episodeId: number; status: 'kept'; reason: string };

export interface UpgradeOptions {
  now?: Date;
  /** Episodes first seen this long ago or less: older ones have had their chance at a brief. */
  sinceDays?: number;
  limit?: number;
}

/** What the back-fill needs of the App. */
export type UpgradeInsightsDeps = Pick<App, 'config' | 'log' | 'embedder' | 'insightEngine' | 'hopelessUpgrades'> & {
  store: UpgradeInsightsStore;
};

/**
 * The back-fill after a fallback: with INSIGHT_ENGINE=llm, recent episodes that got the embedded
 * engine's insights (the provider was down, the budget spent) are extracted again by the LLM,
 * unless one of their insights already went out in a brief. Stops at the first episode the LLM
 * still cannot do, so an outage costs one attempt per run.
 */
export async function upgradeInsights(app: UpgradeInsightsDeps, opts: UpgradeOptions = {}): Promise<UpgradeResult[]> {
  if (app.config.insightEngine !== 'llm') return [];
  const now = opts.now ?? new Date();
  const limit = opts.limit ?? 20;
  const skip = app.hopelessUpgrades;
  const since = new Date(now.getTime() - (opts.sinceDays ?? 2) * 86_400_000);
  const candidates = (await app.store.episodesToUpgrade('llm', since, limit + skip.size))
    .filter((e) => !skip.has(e.id))
    .slice(0, limit);
  const results: UpgradeResult[] = [];
  for (const episode of candidates) {
    const transcript = await app.store.transcriptByEpisode(episode.id);
    if (!transcript) continue;
    const outcome = await withEpisodeClaim(app.store, episode.id, now, { upgradeTo: 'llm' }, () =>
      upgradeOne(app, episode.id, transcript),
    );
    if (outcome === undefined) continue;
    if (outcome === 'deferred') break;
    results.push(outcome.result);
    if (outcome.result.status === 'kept') {
      if (!outcome.lasting) break;
      skip.add(episode.id);
    }
  }
  return results;
}

/** Deferred: rate limited for longer than we wait. Lasting: asking again gives the same answer. */
type Outcome = { result: UpgradeResult; lasting: boolean } | 'deferred';

async function upgradeOne(app: UpgradeInsightsDeps, episodeId: number, transcript: Transcript): Promise<Outcome> {
  let report;
  try {
    report = await app.insightEngine().extractWithReport(transcript, {
      top: app.config.insightsPerEpisode,
      episodeId,
      fallback: false,
    });
  } catch (err) {
    if (err instanceof LlmDeferredError) return 'deferred';
    throw err;
  }
  if (report.engine !== 'llm') {
    const reason = report.fallbackReason ?? 'the LLM engine did not answer';
    return { result: { episodeId, status: 'kept', reason }, lasting: report.lastingFallback === true };
  }
  const stored = await app.store.replaceInsights(episodeId, report.insights, 'llm');
  await indexNewInsights(app, stored);
  return { result: { episodeId, status: 'upgraded', insights: stored.length }, lasting: false };
}
