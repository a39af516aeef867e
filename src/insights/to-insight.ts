import type { Insight } from '../model/insight.js';
import { isContentToken, type Token } from '../text/index.js';
import type { PreparedEpisode } from './prepare.js';
import type { Passage } from './score/passages.js';
import { cosine } from './score/vectors.js';
import { keepMask, renderKept } from './text/clean.js';
import { hasStandaloneClaim, headlineSentences, makeHeadline } from './text/headline.js';
import { neutralHeadline } from '../model/neutral-headline.js';
import { opensOnUnplacedSubject } from './text/unplaced-subject.js';

/**
 * Fewer content words than this, with no claim found, is a fragment; in a longer passage the tagger
 * more likely missed the verb ("Jeremy tears/NOUN apart…") than the notes said nothing.
 */
const FRAGMENT_MAX_CONTENT_WORDS = 12;

const wordKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function isFragment(tokens: Token[], keep: boolean[]): boolean {
  return tokens.filter((t, i) => keep[i] && isContentToken(t)).length < FRAGMENT_MAX_CONTENT_WORDS;
}

/**
 * The chosen passage as an insight: cleaned text, headline, verbatim quote, times, speaker; none
 * from show notes that make no claim.
 */
export function toInsight(prep: PreparedEpisode, scored: Passage & { score: number }): Insight | undefined {
  const { doc } = prep;
  const untitled = withoutTitle(prep, scored);
  const p = untitled && withoutDanglingOpener(prep, untitled);
  if (!p) return undefined;
  const firstSentence = doc.sentences[p.first];
  const lastSentence = doc.sentences[p.last];
  const from = firstSentence?.tokenFrom ?? 0;
  const to = lastSentence?.tokenTo ?? from;
  const tokens = doc.tokens.slice(from, to + 1);
  const keep = keepMask(tokens, { written: prep.showNotes });
  const perSentence: Token[][] = [];
  const keeps: boolean[][] = [];
  // The headline comes from the sentence most about the episode's themes, other things equal.
  const salience: number[] = [];
  for (let k = p.first; k <= p.last; k += 1) {
    const s = doc.sentences[k];
    if (!s) continue;
    perSentence.push(doc.tokens.slice(s.tokenFrom, s.tokenTo + 1));
    keeps.push(keep.slice(s.tokenFrom - from, s.tokenTo - from + 1));
    salience.push(0.5 + cosine(prep.sentenceVectors[k] ?? new Map(), prep.centroid));
  }
  const speaker = doc.layout.turns[firstSentence?.turn ?? 0]?.speaker;
  const text = renderKept(tokens, keep);
  // A claim of its own, else the episode's title; without a title (local files), the best phrase there is.
  const sentences = headlineSentences(perSentence, keeps);
  const claim = makeHeadline(sentences, prep.weight, salience, text);
  // Show notes are a producer's few lines: where none makes a claim ("Fast as hell, and everything
  // is upstream", a title run, a list of guests), there is nothing to brief.
  if (!claim && prep.showNotes && isFragment(tokens, keep) && !hasStandaloneClaim(sentences)) return undefined;
  const headline = claim || neutralHeadline(prep.episodeTitle ?? '') || makeHeadline(sentences, prep.weight, salience);
  return {
    text,
    headline,
    quote: doc.layout.text.slice(firstSentence?.charStart ?? 0, lastSentence?.charEnd ?? 0),
    start: p.start,
    end: p.end,
    ...(speaker ? { speaker } : {}),
    score: Math.round(p.score * 10_000) / 10_000,
  };
}

/**
 * Show notes open on the episode's title (show-notes.ts puts it first), which weighs in the scoring
 * of the passage it starts but is not said in the notes: the reader sees it above the item already
 * ("White Mirror. Jeremy lays out …"). The passage is shown from the sentence after it. The title
 * may be split into several sentences ("Ep. 12: White Mirror", "Wait! Haiti Again?"): the sentences
 * that together read as the title go, and a passage that is only the title is none.
 */
function withoutTitle<P extends Passage>(prep: PreparedEpisode, p: P): P | undefined {
  const title = prep.showNotes ? wordKey(prep.episodeTitle ?? '') : '';
  if (title === '') return p;
  let said = '';
  for (let k = p.first; k <= p.last; k += 1) {
    const s = prep.doc.sentences[k];
    if (!s) return p;
    said += wordKey(prep.doc.layout.text.slice(s.charStart, s.charEnd));
    // Nothing but the title: nothing the reader does not see already.
    if (said === title) return k < p.last ? { ...p, first: k + 1 } : undefined;
    if (!title.startsWith(said)) return p;
  }
  return p;
}

/**
 * Show notes are read cold: a first sentence whose subject is a pronoun for something it does not
 * name ("It's light as a feather, fast as hell, and everything is upstream. The ThinkPad X1 Carbon
 * ships with Fedora…") is left out and the item starts at the next sentence; alone, it is no
 * insight. A transcript's opener is the scorer's to weigh (a dangling penalty), as its context is
 * audible.
 */
function withoutDanglingOpener<P extends Passage>(prep: PreparedEpisode, p: P): P | undefined {
  const s = prep.doc.sentences[p.first];
  if (!prep.showNotes || !s) return p;
  if (!opensOnUnplacedSubject(prep.doc.tokens.slice(s.tokenFrom, s.tokenTo + 1))) return p;
  const next = prep.doc.sentences[p.first + 1];
  return p.first < p.last && next ? { ...p, first: p.first + 1, start: next.start } : undefined;
}
