import type { Transcript } from '../model/transcript.js';
import { normalizeForMatch } from '../transcripts/normalize.js';

const normalizedTranscripts = new WeakMap<Transcript, string>();

function normalizedText(transcript: Transcript): string {
  let text = normalizedTranscripts.get(transcript);
  if (text === undefined) {
    text = ` ${normalizeForMatch(transcript.segments.map((s) => s.text).join(' '))} `;
    normalizedTranscripts.set(transcript, text);
  }
  return text;
}

/**
 * True when the quote's words appear, in order and contiguous, in the transcript once case,
 * quote styles, dashes, punctuation and whitespace are ignored (normalizeForMatch).
 */
export function isQuoteGrounded(quote: string, transcript: Transcript): boolean {
  const q = normalizeForMatch(quote);
  if (!q) return false;
  return normalizedText(transcript).includes(` ${q} `);
}
