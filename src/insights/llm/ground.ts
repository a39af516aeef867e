import type { Insight } from '../../model/insight.js';
import type { Transcript } from '../../model/transcript.js';
import { matchWords } from '../../transcripts/normalize.js';
import { isQuoteGrounded } from '../grounding.js';
import { locateQuote, type QuoteMatch } from './locate-quote.js';
import type { ModelInsight } from './output-schema.js';
import { containsLink, looksLikeInjection, plainModelText } from './sanitize.js';
import { wordIndex, wordRange, type WordIndex } from './word-index.js';

/** A grounded insight before merging: where its quote sits and how the model ranked it. */
export interface Candidate {
  insight: Insight;
  first: number;
  last: number;
  rank: number;
  chunk: number;
}

type DropReason = 'quote_not_in_transcript' | 'link_in_quote' | 'injected_instructions' | 'empty_after_cleaning';

export interface Dropped {
  reason: DropReason;
  quote: string;
}

export interface GroundResult {
  kept: Candidate[];
  dropped: Dropped[];
}

/**
 * Keeps the model's insights whose quote is in the transcript (segments first..last), with the
 * quote, times and speaker taken from the transcript itself, and the prose stripped of links and
 * markup. Anything else is dropped with a reason.
 */
export function groundInsights(
  items: ModelInsight[],
  transcript: Transcript,
  segments: { first: number; last: number },
  chunk: number,
): GroundResult {
  const index = wordIndex(transcript);
  const range = wordRange(index, segments.first, segments.last);
  const result: GroundResult = { kept: [], dropped: [] };
  items.forEach((item, rank) => {
    const drop = (reason: DropReason) => result.dropped.push({ reason, quote: item.quote });
    if ([item.quote, item.text, item.headline].some(looksLikeInjection)) return drop('injected_instructions');
    if (containsLink(item.quote)) return drop('link_in_quote');
    const headline = plainModelText(item.headline);
    const text = plainModelText(item.text);
    if (headline === '' || text.split(' ').length < 5) return drop('empty_after_cleaning');
    const near = nearness(transcript, index, item.start_seconds);
    const match = locateQuote(matchWords(item.quote), index, range, near);
    const quote = match && verbatim(index, match);
    if (!match || !quote || !isQuoteGrounded(quote, transcript)) return drop('quote_not_in_transcript');
    if (containsLink(quote)) return drop('link_in_quote');
    if (looksLikeInjection(quote)) return drop('injected_instructions');
    result.kept.push({
      insight: { headline, text, ...placement(transcript, index, match, quote) },
      first: match.first,
      last: match.last,
      rank,
      chunk,
    });
  });
  return result;
}

function placement(
  transcript: Transcript,
  index: WordIndex,
  match: QuoteMatch,
  quote: string,
): Omit<Insight, 'headline' | 'text'> {
  const firstSegment = index.segmentOf[match.first] ?? 0;
  const lastSegment = index.segmentOf[match.last] ?? firstSegment;
  const spanned = transcript.segments.slice(firstSegment, lastSegment + 1);
  const start = spanned[0]?.start ?? 0;
  const end = Math.max(start, spanned[spanned.length - 1]?.end ?? start);
  // Attribute only what the transcript itself says, and only when one speaker said all of it.
  const speaker = spanned[0]?.speaker;
  const oneSpeaker = speaker !== undefined && spanned.every((s) => s.speaker === speaker);
  return { quote, start, end, ...(oneSpeaker ? { speaker } : {}), score: 0 };
}

/** The transcript's own characters for the matched words, without dangling punctuation. */
function verbatim(index: WordIndex, match: QuoteMatch): string {
  const from = index.charStart[match.first] ?? 0;
  const to = index.charEnd[match.last] ?? from;
  return index.text
    .slice(from, to)
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N}.!?%]+$/u, '');
}

/** Distance from the model's start time, to choose between equally good matches. */
function nearness(
  transcript: Transcript,
  index: WordIndex,
  seconds: number | null | undefined,
): ((word: number) => number) | undefined {
  if (seconds === null || seconds === undefined) return undefined;
  return (word) => Math.abs((transcript.segments[index.segmentOf[word] ?? 0]?.start ?? 0) - seconds);
}
