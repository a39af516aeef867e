import { indexText, isGenericWord } from '../related/index.js';
import { analyse, isContentToken, isRarerThan, termOf, type Token } from '../text/index.js';
import type { InsightWithContext } from '../store/types.js';

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
/**
 * A topic found in more than this share of the shows is everyone's talk ("software", "team"), not a
 * topic; a word alone sooner ("app", "Twitter") than a phrase ("New York", "open source").
 */
const MAX_SHOW_SHARE = { phrase: 0.5, word: 0.25 } as const;
/**
 * A word alone ("president", "application", "studies", "Games") tells a visitor little: it is a
 * topic only when spoken English uses it less than once in this many words ("quotas", "sourdough",
 * "Kubernetes"); a name of two words comes as a phrase ("Donald Trump").
 */
const RARE_WORD_EVERY = 100_000;
/** A name or term of two words ("Donald Trump", "cloud native") says more than either word alone. */
const PHRASE_BOOST = 2;
/** Several shows naming it make it a topic, not one show's furniture (its host's name, its app list). */
const ACROSS_SHOWS_BOOST = 2;
const PHRASE_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
const HEAD_POS = new Set(['NOUN', 'PROPN']);
/** Joins a word to its neighbour without a space: "open-weight", "apps.com/services", "@handle". */
const GLUE = /^[-‐–/.@_:#+]$/;

type TopicKind = 'phrase' | 'word';

interface TopicCounts {
  kind: TopicKind;
  /** Episodes (or insights, when the episode is not known) that name it. */
  docs: number;
  shows: Set<number>;
  forms: Map<string, number>;
}

type TopicSource = Pick<InsightWithContext, 'headline' | 'text' | 'feedId'> & {
  podcastTitle?: string;
  episodeId?: number;
};

/** Part of a longer written unit ("weight" in "open-weight", a piece of "apps.com/services"): never a topic word of its own. */
function isGlued(tokens: Token[], i: number): boolean {
  const joins = (mark: Token | undefined, after: Token | undefined) =>
    mark !== undefined && after !== undefined && GLUE.test(mark.value) && mark.space === '' && after.space === '';
  return joins(tokens[i - 1], tokens[i]) || joins(tokens[i + 1], tokens[i + 2]);
}

/**
 * Telling topics of recent insights, as a visitor reads them: two-word names and terms ("Donald
 * Trump", "cloud native"), then names, then rare nouns ("sourdough"), that several episodes share,
 * that everyday speech rarely uses (the rarity table the briefs use) and that are not generic in
 * podcast talk ("model", "test", "episode"). Those that different shows share come first: a phrase
 * one show repeats is often its own furniture (its host's name, its app list); one found in more
 * than half of the shows is everyone's talk and left out. A word gives way to a phrase holding it.
 * Each in the form most often written.
 */
export function suggestedTopics(insights: TopicSource[]): string[] {
  const counts = new Map<string, TopicCounts>();
  // One episode's insights share its words: "several insights" means several episodes.
  const counted = new Set<string>();
  const count = (key: string, kind: TopicKind, form: string, feedId: number, showName: Set<string>, doc: string) => {
    if (key.split(' ').every((w) => showName.has(`title:${w}`))) return;
    const c = counts.get(key) ?? counts.set(key, { kind, docs: 0, shows: new Set(), forms: new Map() }).get(key)!;
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
    let previous: { key: string; form: string; telling: boolean } | undefined;
    // A neutral headline is the episode's title, not what was said: "Open Questions", "Sleep Tracker".
    const { tokens } = analyse(indexText(insight));
    tokens.forEach((t, i) => {
      const key = termOf(t);
      const wordy =
        isContentToken(t) &&
        PHRASE_POS.has(t.pos) &&
        letters(t.value) >= 3 && // "p.m.", "AI": no topics
        !UNITS.has(t.normal) &&
        !/['’]/.test(t.normal) && // "I'm", "we're": no topics
        !isGlued(tokens, i);
      if (!wordy) {
        previous = undefined;
        return;
      }
      const form = t.pos === 'PROPN' ? t.value : t.value.toLowerCase();
      const telling = isRarerThan(key) && !isGenericWord(key);
      if (telling && HEAD_POS.has(t.pos) && isRarerThan(key, RARE_WORD_EVERY))
        count(key, 'word', form, insight.feedId, showName, doc);
      if (previous && (previous.telling || telling) && HEAD_POS.has(t.pos) && previous.key !== key)
        count(`${previous.key} ${key}`, 'phrase', `${previous.form} ${form}`, insight.feedId, showName, doc);
      previous = { key, form, telling };
    });
  });
  return chosenTopics(counts, new Set(insights.map((i) => i.feedId)).size);
}

function chosenTopics(counts: Map<string, TopicCounts>, shows: number): string[] {
  // Two shows may always share a topic: "quotas" in two of four shows is theirs, not everyone's.
  const showCap = (kind: TopicKind) =>
    shows >= 3 ? Math.max(2, shows * MAX_SHOW_SHARE[kind]) : Number.POSITIVE_INFINITY;
  const kept = [...counts].filter(([, c]) => c.docs >= 2 && c.shows.size <= showCap(c.kind));
  const scored = kept
    .map(([key, c]) => ({
      key,
      c,
      score:
        c.docs *
        Math.log((shows + 1) / c.shows.size) *
        (c.kind === 'phrase' ? PHRASE_BOOST : 1) *
        (c.shows.size >= 2 ? ACROSS_SHOWS_BOOST : 1),
    }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  // A word is not suggested beside a chosen phrase holding it, nor a phrase beside both its words;
  // a phrase takes the place of a chosen word it holds ("Donald Trump" for "Trump").
  const chosen: Array<{ key: string; form: string }> = [];
  for (const { key, c } of scored) {
    if (chosen.length >= TOPIC_COUNT) break;
    const words = key.split(' ');
    const covered = (w: string) => chosen.some((k) => k.key.split(' ').includes(w));
    if (words.length === 1 ? covered(key) : words.every(covered)) continue;
    const topic = { key, form: [...c.forms].sort((a, b) => b[1] - a[1])[0]![0] };
    const part = words.length > 1 ? chosen.findIndex((k) => words.includes(k.key)) : -1;
    if (part >= 0) chosen[part] = topic;
    else chosen.push(topic);
  }
  return chosen.map((t) => t.form);
}

function letters(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}
