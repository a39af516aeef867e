import type { Transcript } from '../model/transcript.js';

/**
 * Text reduced for "is this quote in the transcript" checks: case, quote styles, dashes,
 * punctuation and whitespace differences do not count.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const normalizedTranscripts = new WeakMap<Transcript, string>();

function normalizedText(transcript: Transcript): string {
  let text = normalizedTranscripts.get(transcript);
  if (text === undefined) {
    text = ` ${normalizeForMatch(transcript.segments.map((s) => s.text).join(' '))} `;
    normalizedTranscripts.set(transcript, text);
  }
  return text;
}

/** True when the quote's words appear, in order and contiguous, in the transcript. */
export function isQuoteGrounded(quote: string, transcript: Transcript): boolean {
  const q = normalizeForMatch(quote);
  if (!q) return false;
  return normalizedText(transcript).includes(` ${q} `);
}
