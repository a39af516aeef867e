import type { RelationLabel } from '../model/brief.js';
import { phrasePattern } from '../text/index.js';
import { evidenceWords, sharedEvidence } from './evidence.js';
import { featureBag } from './features.js';

/**
 * A lexical guess at how a related insight stands to the one it is shown under, or undefined
 * unless the evidence is strong. Each text's claim is its sentence naming the most of the
 * telling words the two share (evidence.ts); a label needs the two claims to share at least
 * CLAIM_EVIDENCE telling words themselves, so it is about the same claim, not merely the same subject:
 * - contradicts: similarity ≥ 0.3 and exactly one of the two claims is negated or framed as a
 *   rebuttal ("not", "never", "myth", "overrated", …), or both claims give figures and none match;
 * - agrees: similarity ≥ 0.35, the same polarity and no conflicting figures;
 * - extends: similarity ≥ 0.3 and most of the related text's content words are new.
 * On the hand-labelled sample of `npm run eval:labels` the looser rule this replaced (whole texts,
 * similarity ≥ 0.2 / 0.35 / 0.12, no shared claim) was right on 3 of 39 labels it gave.
 * It reads cue words, not meaning: sarcasm, double negation and hedges fool it.
 */
export function relationOf(target: string, related: string, similarity: number): RelationLabel | undefined {
  if (similarity < EXTENDS_MIN) return undefined;
  const claims = sharedClaims(target, related);
  if (!claims) return undefined;
  const [a, b] = claims;
  if (similarity >= CONTRADICTS_MIN) {
    if (negated(a) !== negated(b)) return 'contradicts';
    if (figuresConflict(a, b)) return 'contradicts';
  }
  if (similarity >= AGREES_MIN) return 'agrees';
  if (newWordShare(target, related) >= 0.6) return 'extends';
  return undefined;
}

const CONTRADICTS_MIN = 0.3;
const AGREES_MIN = 0.35;
const EXTENDS_MIN = 0.3;
/** Telling words the two claim sentences must share between them. */
const CLAIM_EVIDENCE = 3;

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((x) => x.trim().length > 0);
}

/** Each text's sentence naming the most shared telling words, when those two share enough. */
function sharedClaims(target: string, related: string): [string, string] | undefined {
  const a = featureBag(target).counts;
  const b = featureBag(related).counts;
  const shared = new Set<string>();
  for (const k of a.keys()) if (b.has(k)) for (const w of evidenceWords(k)) shared.add(w);
  if (shared.size < CLAIM_EVIDENCE) return undefined;
  const claimA = claimOf(target, shared);
  const claimB = claimOf(related, shared);
  if (sharedEvidence(featureBag(claimA).counts, featureBag(claimB).counts) < CLAIM_EVIDENCE) return undefined;
  return [claimA, claimB];
}

function claimOf(text: string, telling: Set<string>): string {
  let best = text;
  let most = -1;
  for (const sentence of sentencesOf(text)) {
    let n = 0;
    for (const k of featureBag(sentence).counts.keys()) if (!k.includes(' ') && telling.has(k)) n += 1;
    if (n > most) {
      most = n;
      best = sentence;
    }
  }
  return best;
}

const NEGATION = phrasePattern(
  [
    // negative words
    'not',
    'no',
    'never',
    'none',
    'nobody',
    'nothing',
    'neither',
    'nor',
    // negated auxiliaries
    'cannot',
    "can't",
    "won't",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "shouldn't",
    "couldn't",
    // words that deny a claim
    'myth',
    'overrated',
    'wrong',
    'mistake',
    /fails?/,
    'failed',
    'false',
    'disagree',
    'against',
  ],
  { end: 'word', flags: 'i' },
);

function negated(text: string): boolean {
  return NEGATION.test(text.replace(/[’]/g, "'"));
}

const FIGURE = /(\d+(?:[.,]\d+)?)\s*(%|percent|x\b|times\b|million|billion|thousand)?/gi;

function figures(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(FIGURE)) {
    const value = (m[1] ?? '').replace(',', '.');
    // Years and list numbers are not claims about quantities.
    if (/^(19|20)\d\d$/.test(value) && !m[2]) continue;
    out.add(`${Number(value)}${(m[2] ?? '').toLowerCase().replace('percent', '%')}`);
  }
  return out;
}

function figuresConflict(a: string, b: string): boolean {
  const fa = figures(a);
  const fb = figures(b);
  if (fa.size === 0 || fb.size === 0) return false;
  for (const x of fa) if (fb.has(x)) return false;
  return true;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
}

function newWordShare(target: string, related: string): number {
  const known = words(target);
  const fresh = [...words(related)];
  if (fresh.length === 0) return 0;
  return fresh.filter((w) => !known.has(w)).length / fresh.length;
}
