import { isNeutralHeadline } from '../insights/index.js';
import type { FeedRow, InsightWithContext } from '../store/types.js';
import type { LandingStore } from './ports.js';
import { feedLabel } from './mask-url.js';
import { suggestedTopics } from './landing-topics.js';

/** One item of the landing page's sample brief: what an insight says and where, nothing about a subscriber. */
interface SampleItem {
  headline: string;
  text: string;
  source: string;
}

export interface LandingData {
  sample: SampleItem[];
  /** Where the sample came from, for its caption. */
  sampleKind: 'latest-brief' | 'recent-insights' | 'built-in';
  topics: string[];
  feeds: { id: number; label: string }[];
}

const RECENT_DAYS = 30;
const MAX_INSIGHTS_SCANNED = 400;
const BUILT_IN: SampleItem[] = [
  {
    headline: 'Small models win when the task is narrow',
    text: 'A fine-tuned small model beat a general one on support tickets at a tenth of the cost, because the task never changes.',
    source: 'Example show — “Shipping AI in production”',
  },
  {
    headline: 'Sleep debt is not paid back on weekends',
    text: 'Two long nights restore alertness but not reaction time; the deficit from a short week lingers into the next.',
    source: 'Example show — “The science of rest”',
  },
  {
    headline: 'Cities that removed parking minimums built more homes',
    text: 'After the rule went, small lots became viable and permits for modest apartment buildings rose within two years.',
    source: 'Example show — “Housing, explained”',
  },
];

/**
 * What the public landing page shows: the newest brief's items (only what the insights say and
 * which show said it: no subscriber, no reasons, no links), else the best recent insights, else a
 * built-in sample; suggested topics from telling words and phrases of recent insights; the shows the store
 * knows. Cached for a minute: the page is public and the topic count walks every recent insight.
 */
export function landingData(store: LandingStore, now: () => Date = () => new Date()): () => Promise<LandingData> {
  let cached: { at: number; data: Promise<LandingData> } | undefined;
  return () => {
    const t = now().getTime();
    if (!cached || t - cached.at > 60_000) {
      const data = load(store, now());
      cached = { at: t, data };
      data.catch(() => {
        cached = undefined;
      });
    }
    return cached.data;
  };
}

async function load(store: LandingStore, at: Date): Promise<LandingData> {
  const since = new Date(at.getTime() - RECENT_DAYS * 24 * 3600_000);
  const [latest, recent, feeds] = await Promise.all([
    store.listBriefs(1),
    store.insightsSince(since),
    store.listFeeds(),
  ]);
  const newest = recent.slice(-MAX_INSIGHTS_SCANNED);
  const brief = latest[0];
  let sample: SampleItem[];
  let sampleKind: LandingData['sampleKind'];
  if (brief && brief.items.length > 0) {
    sample = brief.items.slice(0, 5).map((i) => ({
      headline: i.headline,
      text: i.text,
      source: `${i.podcastTitle} — “${i.episodeTitle}”`,
    }));
    sampleKind = 'latest-brief';
  } else if (newest.length > 0) {
    sample = bestInsights(newest).map((i) => ({
      headline: i.headline,
      text: i.text,
      source: `${i.podcastTitle} — “${i.episodeTitle}”`,
    }));
    sampleKind = 'recent-insights';
  } else {
    sample = BUILT_IN;
    sampleKind = 'built-in';
  }
  return { sample, sampleKind, topics: suggestedTopics(newest), feeds: listedFeeds(feeds) };
}

/**
 * The five best-scored insights, one per show as in a brief, those with a headline of their own
 * first: the sample is what a visitor judges the product by, so it should read like a brief.
 */
export function bestInsights(insights: InsightWithContext[]): InsightWithContext[] {
  const ranked = [...insights].sort(
    (a, b) => Number(isNeutralHeadline(a.headline)) - Number(isNeutralHeadline(b.headline)) || b.score - a.score,
  );
  const shows = new Set<number>();
  return ranked.filter((i) => !shows.has(i.feedId) && shows.add(i.feedId)).slice(0, 5);
}

function listedFeeds(feeds: FeedRow[]): LandingData['feeds'] {
  return feeds
    .filter((f) => f.status === 'active')
    .map((f) => ({ id: f.id, label: feedLabel(f) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
