import { createHash } from 'node:crypto';

/** Lower case, one space between words: what "the same words" means when matching insights. */
function normalized(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A short hash of an insight's words, so the same text is recognised across extractions and episodes. */
export function insightTextKey(text: string): string {
  return createHash('sha256').update(normalized(text)).digest('base64url').slice(0, 22);
}

/** Whether two quotes are the same words (the same moment of the episode, extracted again). */
export function sameQuote(a: string, b: string): boolean {
  return normalized(a) === normalized(b);
}
