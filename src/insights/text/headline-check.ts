import { isNeutralHeadline } from '../../model/neutral-headline.js';
import { analyse, type Token } from '../../text/index.js';
import { opensOnTalkTokens } from './leading-talk.js';

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
/**
 * A headline whose words, in order, make up the text's first sentence from near its start (framing,
 * fillers and softeners dropped) "opens" the text: "As far as I'm concerned, the rules changed…"
 * under "The rules changed" reads twice.
 */
const OPENING_SLACK = 8;
/** A sentence's end, not an abbreviation's ("Rep. Tulsi Gabbard discusses U.S. regime change"). */
const SENTENCE_END =
  /(?<!\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|St|Jr|Sr|Prof|Inc|Co|Corp|vs|No|[A-Z]|[A-Z]\.[A-Z]))[.!?]\s+/;

function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
}

/** The item would read its opening twice: the headline is the text's first sentence again, or most of it. */
export function repeatsOpening(headline: string, text: string): boolean {
  const h = wordsOf(headline);
  if (h.length === 0) return false;
  const first = wordsOf(text.split(SENTENCE_END)[0] ?? '');
  const start = first.indexOf(h[0] ?? '');
  if (start < 0 || start > OPENING_SLACK) return false;
  let k = 0;
  for (const w of first.slice(start)) if (w === h[k]) k += 1;
  return k === h.length;
}

/**
 * Says something the text's opening does not, and is not talk (does not open on a marker or frame:
 * "As far as I'm concerned", "You know", "And then"): worth a line of its own above the text.
 */
export function standsBeside(
  headline: string,
  text: string,
  tokens: readonly Token[] = analyse(headline.trim()).tokens,
): boolean {
  const h = headline.trim();
  return h !== '' && !isNeutralHeadline(h) && !opensOnTalkTokens(tokens) && !repeatsOpening(h, text);
}
