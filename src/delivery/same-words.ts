import { OPENING_MARKERS } from '../text/index.js';

/**
 * Words the insight's cleaned text may leave out of its verbatim quote: fillers, hedges and
 * transcription marks. Anything else left out means the text says less than the quote.
 */
const DISFLUENT = new Set(
  (
    'um umm uh uhh er erm ah ahh hmm mm mhm like you know i mean so well kind sort of yeah yes okay ok ' +
    'right actually basically just really literally and but then oh inaudible crosstalk laughs laughter ' +
    'music applause unintelligible'
  ).split(' '),
);

/**
 * Discourse markers left out before the text's first word ("Now, the other person …"): the cleaner
 * drops OPENING_MARKERS where a sentence opens on them, and these others too are no difference.
 */
const OPENERS = new Set([...OPENING_MARKERS, 'listen', 'see', 'honestly', 'obviously']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/**
 * True when the cleaned text and the quote say the same words, up to disfluencies, repeated
 * words, punctuation and case: the text is the quote with only those taken out.
 */
export function sameSaying(text: string, quote: string): boolean {
  const t = words(text);
  const q = words(quote);
  if (t.length === 0 || q.length === 0) return false;
  let i = 0;
  let skipped = 0;
  // The last word said that is not a filler: "rare in, uh, in logistics" stutters on "in".
  let lastSaid = '';
  for (let j = 0; j < q.length; j += 1) {
    const w = q[j] as string;
    if (i < t.length && w === t[i]) {
      i += 1;
      lastSaid = w;
      continue;
    }
    // A word left out must be a filler or a stutter (the same word again).
    const opener = i === 0 && OPENERS.has(w);
    if (!DISFLUENT.has(w) && !opener && w !== lastSaid && w !== q[j + 1]) return false;
    if (!DISFLUENT.has(w)) lastSaid = w;
    skipped += 1;
  }
  return i === t.length && skipped <= Math.max(3, q.length * 0.4);
}
