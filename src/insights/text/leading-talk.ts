import type { Token } from '../../text/index.js';

/**
 * The one list of talk a spoken sentence opens on. Markers and hedges ("So, …", "And honestly …",
 * "I mean …") tie the sentence to what came before and say nothing themselves: a headline drops
 * them. Multi-word ones first, so "you know" is not read as "you".
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
 * Talk that cannot be dropped: it frames ("As far as I'm concerned"), hedges the words after it
 * ("kind of") or hangs on a clause said before ("because…", "or…"). A headline opening on it is
 * no claim of its own.
 */
const FRAMES = ['as far as', 'as for', 'kind of', 'sort of', 'or', 'because', 'cause'].map((m) => m.split(' '));

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

/** The token's word with a typographic apostrophe made straight, as the word lists spell it ("don’t" → "don't"). */
export function spoken(t: Token): string {
  return t.normal.replace(/’/g, "'");
}

/** The phrase's tokens at `at`, as a word of their own: "Ok-rated", "Well-run" are not "ok", "well". */
function phraseAt(tokens: readonly Token[], at: number, phrase: string[]): boolean {
  const said = (w: string, k: number): boolean => {
    const t = tokens[at + k];
    return t !== undefined && spoken(t) === w;
  };
  if (!phrase.every(said)) return false;
  const next = tokens[at + phrase.length];
  return !(next && next.space === '' && /^[-‐–]$/.test(next.value));
}

/** How many leading tokens are discourse markers, with the commas between them ("So, yeah, the…" → 4). */
export function leadingTalkLength(tokens: readonly Token[]): number {
  let at = 0;
  for (let changed = true; changed; ) {
    changed = false;
    while (tokens[at]?.isPunct) at += 1;
    for (const m of MARKERS) {
      if (!phraseAt(tokens, at, m)) continue;
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

/**
 * Opens on talk, not a claim: a marker a headline drops, one left alone ("Yeah."), or a frame
 * ("As far as I'm concerned"), past any opening quote.
 */
export function opensOnTalkTokens(tokens: readonly Token[]): boolean {
  let first = 0;
  while (tokens[first]?.isPunct) first += 1;
  if (leadingTalkLength(tokens) > first) return true;
  if (FRAMES.some((m) => phraseAt(tokens, first, m))) return true;
  return MARKERS.some((m) => phraseAt(tokens, first, m) && tokens.slice(first + m.length).every((t) => t.isPunct));
}

/** "the evaluation…" → "The evaluation…"; a word styled with capitals inside ("iPhone") keeps its case. */
export function capitalizedStart(text: string): string {
  return text.replace(
    /^(["'“‘(]?)(\p{Ll}[\p{Ll}'’-]*)(?=[^\p{L}]|$)/u,
    (_, q: string, w: string) => q + (w[0] ?? '').toUpperCase() + w.slice(1),
  );
}
