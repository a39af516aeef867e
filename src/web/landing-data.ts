import { isNeutralHeadline } from '../insights/index.js';
import { indexText, isGenericWord } from '../related/index.js';
import { analyse, isContentToken, isRarerThan, termOf } from '../text/index.js';
import type { FeedRow, InsightWithContext } from '../store/types.js';
import type { LandingStore } from './ports.js';
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

/** A topic found in more than this share of the shows is everyone's talk ("software", "team"), not a topic. */
const MAX_TOPIC_SHOW_SHARE = 0.5;
/** A name or term of two words ("Donald Trump", "cloud native") says more than either word alone. */
const PHRASE_BOOST = 2;
const PHRASE_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
const HEAD_POS = new Set(['NOUN', 'PROPN']);

interface TopicCounts {
  /** Episodes (or insights, when the episode is not known) that name it. */
  docs: number;
  shows: Set<number>;
  forms: Map<string, number>;
}

/**
 * Telling topics of recent insights: two-word names and terms ("Donald Trump", "cloud native") and
 * nouns and names that several insights share, that everyday speech rarely uses (the rarity table
 * the briefs use), that are not generic in podcast talk ("model", "test", "episode") and that are
 * distinctive across shows: each scores its insight count × its IDF over the shows, and one found
 * in more than half of the shows is left out. Each in the form most often written.
 */
export function suggestedTopics(
  insights: Array<
    Pick<InsightWithContext, 'headline' | 'text' | 'feedId'> & { podcastTitle?: string; episodeId?: number }
  >,
): string[] {
  const counts = new Map<string, TopicCounts>();
  // One episode's insights share its words: "several insights" means several episodes.
  const counted = new Set<string>();
  const count = (key: string, form: string, feedId: number, showName: Set<string>, doc: string) => {
    if (key.split(' ').every((w) => showName.has(`title:${w}`))) return;
    const c = counts.get(key) ?? counts.set(key, { docs: 0, shows: new Set(), forms: new Map() }).get(key)!;
    c.forms.set(form, (c.forms.get(form) ?? 0) + 1);
    c.shows.add(feedId);
    if (!counted.has(`${doc} ${key}`)) {
      counted.add(`${doc} ${key}`);
      c.docs += 1;
    }
  };
  // Each show's title is read once, not once for each of its insights.
  const titles = new Map<string, Set<string>>();
  const showNameWords = (title = ''): Set<string> => {
    let words = titles.get(title);
    if (!words) {
      words = new Set(title ? analyse(title).tokens.map((t) => `title:${termOf(t)}`) : []);
      titles.set(title, words);
    }
    return words;
  };
  insights.forEach((insight, n) => {
    const doc = insight.episodeId !== undefined ? `e${insight.episodeId}` : `i${n}`;
    // A show's own name recurs in its notes ("Giant Bombcast 603: …"): no topic.
    const showName = showNameWords(insight.podcastTitle);
    let previous: { key: string; form: string; telling: boolean; pos: string } | undefined;
    // A neutral headline is the episode's title, not what was said: "Open Questions", "Sleep Tracker".
    for (const t of analyse(indexText(insight)).tokens) {
      const key = termOf(t);
      const wordy =
        isContentToken(t) &&
        PHRASE_POS.has(t.pos) &&
        t.value.length >= 3 &&
        !UNITS.has(t.normal) &&
        !/['’]/.test(t.normal); // "I'm", "we're": no topics
      if (!wordy) {
        previous = undefined;
        continue;
      }
      const form = t.pos === 'PROPN' ? t.value : t.value.toLowerCase();
      const telling = isRarerThan(key) && !isGenericWord(key);
      if (telling && HEAD_POS.has(t.pos)) count(key, form, insight.feedId, showName, doc);
      if (previous && (previous.telling || telling) && HEAD_POS.has(t.pos) && previous.key !== key)
        count(`${previous.key} ${key}`, `${previous.form} ${form}`, insight.feedId, showName, doc);
      previous = { key, form, telling, pos: t.pos };
    }
  });
  const shows = new Set(insights.map((i) => i.feedId)).size;
  const showCap = shows >= 3 ? shows * MAX_TOPIC_SHOW_SHARE : Number.POSITIVE_INFINITY;
  const scored = [...counts]
    .filter(([, c]) => c.docs >= 2 && c.shows.size <= showCap)
    .map(([key, c]) => ({
      key,
      c,
      score: c.docs * Math.log((shows + 1) / c.shows.size) * (key.includes(' ') ? PHRASE_BOOST : 1),
    }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  // A word is not suggested beside a chosen phrase holding it, nor a phrase beside both its words.
  const chosen: string[] = [];
  const out: string[] = [];
  for (const { key, c } of scored) {
    if (out.length >= TOPIC_COUNT) break;
    const words = key.split(' ');
    const covered = (w: string) => chosen.some((k) => k.split(' ').includes(w));
    if (words.length === 1 ? covered(key) : words.every(covered)) continue;
    chosen.push(key);
    out.push([...c.forms].sort((a, b) => b[1] - a[1])[0]![0]);
  }
  return out;
}

function listedFeeds(feeds: FeedRow[]): LandingData['feeds'] {
  return feeds
    .filter((f) => f.status === 'active')
    .map((f) => ({ id: f.id, label: feedLabel(f) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
