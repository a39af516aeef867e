import { OPENING_MARKERS, phrasePattern, type Token } from '../../text/index.js';

const FILLER_WORDS = new Set(['um', 'uh', 'uhm', 'umm', 'er', 'erm', 'ah', 'hmm', 'mm', 'mhm']);
/** Dropped at the start of a passage whatever follows ("So the trick is..." → "The trick is..."). */
const LEADING_ALWAYS = new Set(['and', 'but', 'or', 'um', 'uh']);
/** Single words whose doubling is often grammatical ("I think that that is..."). */
const REPEAT_OK = new Set(['that', 'had']);
const DASHES = new Set(['-', '--', '—', '–']);
const CLOSERS = /^[.,;:!?)\]}'"’”…%]/;

function isComma(t: Token | undefined): boolean {
  return t !== undefined && (t.value === ',' || t.value === ';');
}

function isBoundary(t: Token | undefined): boolean {
  return t === undefined || t.value === ',' || t.value === ';' || /^[.!?:]/.test(t.value);
}

/**
 * Which tokens survive disfluency removal: fillers, "you know"/"I mean" asides, stutters and
 * repeated phrases, short false starts cut off by a dash, and discourse markers at the start.
 * Only removes; never adds or reorders words. `written` text (show notes) has no disfluencies: a
 * dash there sets off an aside ("many of his policies — such as … — are"), an "uh" or "you know" is
 * meant, so only an opening "and"/"but" goes ("And we end with …"), unless a title follows.
 */
export function keepMask(tokens: Token[], { written = false } = {}): boolean[] {
  const keep = tokens.map(() => true);
  if (written) {
    // "And we end with …", "And Donald Trump gets …": a joining word the passage no longer follows;
    // not "And Then There Were None", a title (the words after it all capitalised).
    const first = tokens.findIndex((t) => !t.isPunct);
    const after = tokens.slice(first + 1, first + 4);
    const title = after.length === 3 && after.every((t) => t.isWord && /^\p{Lu}/u.test(t.value));
    const joining = tokens[first]?.normal === 'and' || tokens[first]?.normal === 'but';
    if (joining && after[0]?.isWord && !title) for (let i = 0; i <= first; i += 1) keep[i] = false;
    return keep;
  }
  const drop = (i: number): void => {
    keep[i] = false;
  };

  tokens.forEach((t, i) => {
    if (FILLER_WORDS.has(t.normal)) {
      drop(i);
      if (isComma(tokens[i + 1])) {
        drop(i + 1);
        if (isComma(tokens[i - 1])) drop(i - 1);
      } else if (isComma(tokens[i - 1]) && isBoundary(tokens[i + 1])) drop(i - 1);
    }
  });

  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const a = tokens[i]?.normal;
    const b = tokens[i + 1]?.normal;
    const aside = (a === 'you' && b === 'know') || (a === 'i' && b === 'mean');
    const likeAside = a === 'like' && isComma(tokens[i - 1]) && isComma(tokens[i + 1]);
    if (likeAside) {
      drop(i);
      drop(i + 1);
      continue;
    }
    if (!aside) continue;
    const before = tokens[i - 1];
    const after = tokens[i + 2];
    const startsClause = i === 0 || isBoundary(before);
    if (startsClause && isComma(after)) {
      if (isComma(before)) drop(i - 1);
      drop(i);
      drop(i + 1);
      drop(i + 2);
    } else if (isComma(before) && (isBoundary(after) || after === undefined)) {
      drop(i - 1);
      drop(i);
      drop(i + 1);
    }
  }

  dropAnnotations(tokens, keep);
  dropRepeats(tokens, keep);
  dropFalseStarts(tokens, keep);
  dropLeadingMarkers(tokens, keep);
  return keep;
}

/** Longest transcriber's note dropped whole: "[inaudible 00:41:09]", "(laughs)". */
const ANNOTATION_MAX_TOKENS = 8;
/**
 * What a transcriber's note says: a stage direction, a time, or both ("inaudible 00:41:09").
 * Anything else in brackets was said or is an editor's clarification ("They [OpenAI] shipped…"): kept.
 */
const STAGE_DIRECTION = phrasePattern(
  [
    // the room
    'laugh',
    'laughs',
    'laughing',
    'laughter',
    /coughs?/,
    /sighs?/,
    /chuckles?/,
    'applause',
    'music',
    'background noise',
    // what the transcriber could not hear
    'inaudible',
    'crosstalk',
    'overlapping',
    'unintelligible',
    'indiscernible',
    'audio cuts out',
    // gaps
    'silence',
    'pause',
    'break',
  ],
  { start: 'any' },
);
const TIME = /(?:at\s*)?\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*\.\s*\d+)?/;
const TRANSCRIBER_NOTE = new RegExp(String.raw`^(?:${STAGE_DIRECTION.source}\s*)?(?:${TIME.source})?\s*\.?$`);

/** Notes the transcriber added: not what anyone said, so never part of the text or a headline. */
function dropAnnotations(tokens: Token[], keep: boolean[]): void {
  // Two rounds: a note nested in another ("[inaudible [crosstalk]]") goes first, then the outer one.
  for (let round = 0; round < 2; round += 1) {
    tokens.forEach((t, i) => {
      if (!keep[i] || (t.value !== '[' && t.value !== '(')) return;
      const close = t.value === '[' ? ']' : ')';
      const inside: number[] = [];
      let j = i + 1;
      for (; j < tokens.length && inside.length <= ANNOTATION_MAX_TOKENS; j += 1) {
        if (!keep[j]) continue;
        const v = tokens[j]?.value;
        if (v === close || v === '[' || v === '(') break;
        inside.push(j);
      }
      if (tokens[j]?.value !== close || !keep[j]) return;
      // "[the docs](https://…)" is a link, not a note.
      if (close === ']' && tokens[j + 1]?.value === '(') return;
      const text = inside
        .map((k) => tokens[k]?.normal ?? '')
        .join(' ')
        .trim();
      if (text === '' || !TRANSCRIBER_NOTE.test(text)) return;
      for (let k = i; k <= j; k += 1) keep[k] = false;
    });
  }
}

function dropRepeats(tokens: Token[], keep: boolean[]): void {
  const words = tokens.map((_t, i) => i).filter((i) => keep[i] && !tokens[i]?.isPunct);
  for (let n = 3; n >= 1; n -= 1) {
    for (let k = 0; k + 2 * n <= words.length; k += 1) {
      const first = words.slice(k, k + n);
      const second = words.slice(k + n, k + 2 * n);
      if (first.some((i) => !keep[i]) || second.some((i) => !keep[i])) continue;
      const same = first.every((i, j) => tokens[i]?.normal === tokens[second[j] ?? -1]?.normal);
      if (!same) continue;
      if (n === 1 && REPEAT_OK.has(tokens[first[0] ?? -1]?.normal ?? '')) continue;
      const from = first[0] ?? 0;
      const to = second[0] ?? 0;
      // Only what survives counts as between: "in, uh, in" is a repeat once "uh" is gone.
      const between = tokens.slice((first[n - 1] ?? 0) + 1, to).filter((_, k) => keep[(first[n - 1] ?? 0) + 1 + k]);
      if (between.some((t) => !t.isPunct || /^[.!?]/.test(t.value))) continue;
      for (let i = from; i < to; i += 1) keep[i] = false;
    }
  }
}

/** "we were- we built it" → "we built it": up to four words cut off by a dash at a clause start. */
function dropFalseStarts(tokens: Token[], keep: boolean[]): void {
  tokens.forEach((t, i) => {
    if (!DASHES.has(t.value) || !keep[i]) return;
    // "end-to-end" is one word; a break in speech has a space around the dash.
    if (!t.space && !tokens[i + 1]?.space) return;
    let j = i - 1;
    let words = 0;
    while (j >= 0 && !isBoundary(tokens[j]) && words <= 4) {
      if (keep[j]) words += 1;
      j -= 1;
    }
    const next = tokens[i + 1];
    if (words === 0 || words > 4 || !next || next.isPunct) return;
    if (!isBoundary(tokens[j]) && j >= 0) return;
    for (let k = j + 1; k <= i; k += 1) keep[k] = false;
  });
}

function dropLeadingMarkers(tokens: Token[], keep: boolean[]): void {
  let i = 0;
  for (;;) {
    while (i < tokens.length && (!keep[i] || tokens[i]?.isPunct)) {
      keep[i] = false;
      i += 1;
    }
    const t = tokens[i];
    const next = tokens[i + 1];
    if (!t) return;
    const pair = (t.normal === 'you' && next?.normal === 'know') || (t.normal === 'i' && next?.normal === 'mean');
    if (pair) {
      keep[i] = false;
      keep[i + 1] = false;
      i += 2;
    } else if (next && (LEADING_ALWAYS.has(t.normal) || (OPENING_MARKERS.has(t.normal) && pausesAfter(t, next)))) {
      keep[i] = false;
      i += 1;
    } else return;
  }
}

function pausesAfter(t: Token, next: Token): boolean {
  if (isBoundary(next)) return true;
  // "So we built it" reads fine without "so"; "so many" / "so that" do not.
  return (
    t.normal === 'so' && (next.pos === 'PRON' || next.pos === 'PROPN' || next.pos === 'NOUN' || next.pos === 'DET')
  );
}

/** Joins kept tokens with their original spacing, then capitalises and closes the sentence. */
export function renderKept(tokens: Token[], keep: boolean[]): string {
  let out = '';
  tokens.forEach((t, i) => {
    if (!keep[i]) return;
    const joinsDrop = i > 0 && !keep[i - 1] && out !== '';
    const space = joinsDrop && !t.space && !t.isPunct && !CLOSERS.test(t.value) ? ' ' : t.space;
    out += space + t.value;
  });
  out = out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:.!?])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/^[\s,;:.\-—–]+/, '')
    .trim();
  if (!out) return out;
  out = out.replace(/^(["'“‘(]?)(\p{Ll})/u, (_, q: string, c: string) => q + c.toUpperCase());
  // A dropped word can leave a sentence starting in lower case.
  out = out.replace(/([.!?] )(\p{Ll})/gu, (_, stop: string, c: string) => stop + c.toUpperCase());
  out = out.replace(/[,;:\-—–]+$/, '');
  if (!/[.!?…"”']$/.test(out)) out += '.';
  return out;
}

export function cleanText(tokens: Token[]): string {
  return renderKept(tokens, keepMask(tokens));
}
