import { analyse, isContentToken, isRarerThan, termOf } from '../text/index.js';
import type { FeedRow, InsightWithContext, Store } from '../store/types.js';
import { feedLabel } from './mask-url.js';

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
const TOPIC_COUNT = 10;
/**
 * Units of time, money and amount: frequent in insights ("forty percent within two weeks") and rarer
 * in everyday speech than the rarity table's cut, but nobody's topic.
 */
const UNITS = new Set(
  'percent percentage second minute hour day week month quarter year decade dollar cent euro pound thousand million billion'
    .split(' ')
    .flatMap((w) => [w, `${w}s`]),
);

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
 * built-in sample; suggested topics from frequent words of recent insights; the shows the store
 * knows. Cached for a minute: the page is public and the topic count walks every recent insight.
 */
export function landingData(store: Store, now: () => Date = () => new Date()): () => Promise<LandingData> {
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

async function load(store: Store, at: Date): Promise<LandingData> {
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

/** The five best-scored insights, one per episode. */
function bestInsights(insights: InsightWithContext[]): InsightWithContext[] {
  const seen = new Set<number>();
  return [...insights]
    .sort((a, b) => b.score - a.score)
    .filter((i) => !seen.has(i.episodeId) && seen.add(i.episodeId))
    .slice(0, 5);
}

/**
 * Nouns and names that several recent insights share and everyday speech rarely uses (the same
 * rarity table the briefs use to decide what an interest is about), in the form most often written.
 */
export function suggestedTopics(insights: Pick<InsightWithContext, 'headline' | 'text'>[]): string[] {
  const docs = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const insight of insights) {
    const seen = new Set<string>();
    for (const t of analyse(`${insight.headline}. ${insight.text}`).tokens) {
      if (!isContentToken(t) || (t.pos !== 'NOUN' && t.pos !== 'PROPN') || t.value.length < 3) continue;
      if (UNITS.has(t.value.toLowerCase())) continue;
      const key = termOf(t);
      if (!isRarerThan(key)) continue;
      const form = t.pos === 'PROPN' ? t.value : t.value.toLowerCase();
      const counts = forms.get(key) ?? forms.set(key, new Map()).get(key)!;
      counts.set(form, (counts.get(form) ?? 0) + 1);
      if (!seen.has(key)) {
        seen.add(key);
        docs.set(key, (docs.get(key) ?? 0) + 1);
      }
    }
  }
  return [...docs]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOPIC_COUNT)
    .map(([key]) => [...forms.get(key)!].sort((a, b) => b[1] - a[1])[0]![0]);
}

function listedFeeds(feeds: FeedRow[]): LandingData['feeds'] {
  return feeds
    .filter((f) => f.status === 'active')
    .map((f) => ({ id: f.id, label: feedLabel(f) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
