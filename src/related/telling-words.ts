import { analyse, isContentToken, stem, termOf } from '../text/index.js';
import { evidenceWords } from './evidence.js';

/**
 * Words rarer than everyday speech yet no topic in podcast talk: sharing "model", "test" or
 * "episode" says nothing about two insights being on one theme. The pool's own spread (below)
 * finds most such words; these are the ones a small pool can miss.
 */
const GENERIC = new Set(
  [
    'model',
    'test',
    'people',
    'thing',
    'stuff',
    'podcast',
    'episode',
    'show',
    'guest',
    'host',
    'listener',
    'conversation',
    'interview',
    'question',
    'answer',
    'story',
    'week',
    'today',
    'example',
    'process',
    'level',
    'system',
    'value',
    'point',
    'part',
    'version',
    'update',
    'build',
    'install',
    // spoken fillers the English table counts as rare
    'et',
    'cetera',
    "i'm",
    'bit',
    'bunch',
    'person',
    'number',
    'instance',
    'reason',
    'self',
    'way',
    'lot',
  ].map(stem),
);

/** Whether a stem is one of the words above: rare in everyday speech, yet no topic in podcast talk. */
export function isGenericWord(stemmed: string): boolean {
  return GENERIC.has(stemmed);
}

/**
 * A word found in more than this share of the pool's shows is common talk, not a theme
 * (e.g. "app", "team" across a mix of tech, product and fitness shows; "president" across four
 * politics and history shows of fourteen). Tuned with the rule below (eval:related-pairs).
 */
export const MAX_SHOW_SHARE = 0.3;

/**
 * How telling each single-word feature is, by id: its IDF over the pool (ln of insights over
 * insights with it) when it is rare in spoken English (evidence.ts), not generic, and not spread
 * over most shows; 0 otherwise. Pairs and phrases weigh 0: their words are counted on their own.
 */
export function tellingWeights(
  keys: readonly string[],
  df: readonly number[],
  showDf: readonly number[],
  n: number,
  shows: number,
  maxShowShare = MAX_SHOW_SHARE,
): Float64Array {
  const out = new Float64Array(keys.length);
  const showCap = Math.max(2, shows * maxShowShare);
  keys.forEach((key, id) => {
    if (key.includes(' ') || GENERIC.has(key) || evidenceWords(key).length === 0) return;
    const d = df[id] ?? 0;
    if (d === 0 || (showDf[id] ?? 0) > showCap) return;
    out[id] = Math.log((n + 1) / d);
  });
  return out;
}

/** What a text is about: the stems it uses as nouns or names, as names, and as either in its headline. */
export interface TopicWords {
  topics: Set<string>;
  names: Set<string>;
  headline: Set<string>;
}

/**
 * The stems a text uses as nouns (`topics`) and as names (`names`: people, places, products), and
 * the nouns and names of its first `headlineLength` characters (the headline it starts with).
 * Shared verbs and adjectives ("win", "understand", "constrained") matched across shows far more
 * often than themes did. One analysis per text: this runs for every candidate of a related list.
 */
export function topicWords(text: string, headlineLength = 0): TopicWords {
  const out: TopicWords = { topics: new Set(), names: new Set(), headline: new Set() };
  for (const t of analyse(text).tokens) {
    if (!isContentToken(t) || (t.pos !== 'NOUN' && t.pos !== 'PROPN')) continue;
    const key = termOf(t);
    out.topics.add(key);
    if (t.pos === 'PROPN') out.names.add(key);
    if (t.offset < headlineLength) out.headline.add(key);
  }
  return out;
}

/** What two insights share of telling words. */
export interface TellingEvidence {
  /** Telling words both have. */
  words: number;
  /** Of those, the ones both headlines name: the two state the same theme. */
  inHeadlines: number;
  /** Of those, the ones both use as a name (a person, place, product). */
  names: number;
  /**
   * Cosine over telling words alone, each weighted by its IDF: the shared words' weight against
   * both items' own, so a long item needs more shared words than a short one to reach it.
   */
  cosine: number;
}

export interface RelatedRule {
  /** A shared telling word both headlines name, always required (0 in the tuning grid only). */
  minInHeadlines: number;
  /** Then either this many shared telling words, `minNames` of them used as a name by both… */
  minWords: number;
  minNames: number;
  /**
   * …or a telling cosine of at least this: most of both items' telling words are shared, as when
   * two short items (a bullet, a one-line note) name one subject and little else.
   */
  orCosine: number;
}

/**
 * When two insights from different shows are on the same theme. Tuned on half the labelled pairs
 * of `npm run eval:related-pairs` and scored on the other half (see docs/ARCHITECTURE.md).
 */
export const RELATED_TELLING: RelatedRule = { minInHeadlines: 1, minWords: 2, minNames: 1, orCosine: 0.3 };

export function isRelatedEvidence(e: TellingEvidence, t: RelatedRule = RELATED_TELLING): boolean {
  if (e.inHeadlines < t.minInHeadlines || e.words === 0) return false;
  return (e.words >= t.minWords && e.names >= t.minNames) || e.cosine >= t.orCosine;
}
