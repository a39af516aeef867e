import type { Token } from '../../text/index.js';

/**
 * Discourse markers and hedges a spoken sentence opens on ("So, …", "And honestly …", "I mean
 * …"): they tie the sentence to what came before and say nothing themselves. Multi-word ones
 * first, so "you know" is not read as "you".
 */
const MARKERS = [
  'i mean',
  'you know',
  'you see',
  'i think',
  'i guess',
  'i feel like',
  'i would say',
  "i'd say",
  'and so',
  'but so',
  'so',
  'and',
  'but',
  'well',
  'yeah',
  'yes',
  'now',
  'look',
  'listen',
  'see',
  'okay',
  'ok',
  'oh',
  'anyway',
  'honestly',
  'basically',
  'actually',
  'literally',
  'obviously',
  'right',
  'um',
  'uh',
].map((m) => m.split(' '));

/**
 * "Look at…", "Listen to…", "Now is…", "So many…", "You see these platforms…": the words are the
 * sentence's own, not a marker.
 */
function markerIsOwnWord(marker: string[], next: Token): boolean {
  const word = marker.join(' ');
  if (word === 'you see' || word === 'see') return !next.isPunct;
  if (word === 'look' || word === 'listen' || word === 'right') return next.pos === 'ADP';
  if (word === 'now') return next.pos === 'AUX' || next.pos === 'VERB';
  if (word === 'so') return next.pos === 'ADJ' || next.pos === 'ADV' || next.normal === 'that';
  return false;
}

/** How many leading tokens are discourse markers, with the commas between them ("So, yeah, the…" → 4). */
export function leadingTalkLength(tokens: readonly Token[]): number {
  let at = 0;
  for (let changed = true; changed; ) {
    changed = false;
    while (tokens[at]?.isPunct) at += 1;
    for (const m of MARKERS) {
      if (!m.every((w, k) => tokens[at + k]?.normal.replace(/’/g, "'") === w)) continue;
      const next = tokens[at + m.length];
      if (!next || markerIsOwnWord(m, next)) continue;
      at += m.length;
      changed = true;
      break;
    }
  }
  while (tokens[at]?.isPunct) at += 1;
  return at;
}

/** "the evaluation…" → "The evaluation…"; a word styled with capitals inside ("iPhone") keeps its case. */
export function capitalizedStart(text: string): string {
  return text.replace(
    /^(["'“‘(]?)(\p{Ll}[\p{Ll}'’-]*)(?=[^\p{L}]|$)/u,
    (_, q: string, w: string) => q + (w[0] ?? '').toUpperCase() + w.slice(1),
  );
}
