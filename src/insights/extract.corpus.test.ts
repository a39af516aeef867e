import { beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import type { Insight } from '../model/insight.js';
import type { Transcript } from '../model/transcript.js';
import { readTranscriptFile } from '../transcripts/index.js';
import { matchWords } from '../transcripts/normalize.js';
import { contentTerms, extractInsights, isQuoteGrounded } from './index.js';
import { HEADLINE_MAX_WORDS } from './text/headline.js';

const FILES = [
  'transcripts/talkpython-507-langgraph.vtt',
  'transcripts/lennys-podcast-seth-godin.md',
  'transcripts/podcasting20-ep124-excerpt.srt',
  'eval-public/misfit-podcast-e376-breaking-news-full-life-chat/transcript.md',
  'eval-public/lennys-podcast-dmitry-zlokazov/transcript.md',
];
const AD_WORDS = /promo code|brought to you by|sponsored by|use code|free trial|\b[a-z0-9-]+\.(com|fm)\b/i;

function jaccard(a: string, b: string): number {
  const x = new Set(contentTerms(a));
  const y = new Set(contentTerms(b));
  let shared = 0;
  for (const t of x) if (y.has(t)) shared += 1;
  return shared / Math.max(1, x.size + y.size - shared);
}

/** Every word of the cleaned text comes from the quote, in order: cleaning only removes. */
function isSubsequence(text: string, quote: string): boolean {
  const q = matchWords(quote);
  let at = 0;
  for (const w of matchWords(text)) {
    while (at < q.length && q[at] !== w) at += 1;
    if (at === q.length) return false;
    at += 1;
  }
  return true;
}

describe.runIf(requireCorpus())('extractInsights on real transcripts', () => {
  const loaded = new Map<string, { transcript: Transcript; insights: Insight[] }>();
  beforeAll(async () => {
    for (const file of FILES) {
      const transcript = await readTranscriptFile(corpusPath(file));
      loaded.set(file, { transcript, insights: extractInsights(transcript) });
    }
  });

  describe.each(FILES)('%s', (file) => {
    const get = (): { transcript: Transcript; insights: Insight[] } => {
      const entry = loaded.get(file);
      if (!entry) throw new Error(`not loaded: ${file}`);
      return entry;
    };

    it('returns five insights whose quotes are in the transcript', () => {
      const { transcript, insights } = get();
      expect(insights).toHaveLength(5);
      for (const i of insights) expect(isQuoteGrounded(i.quote, transcript), i.quote).toBe(true);
    });

    it('never quotes a sponsor read', () => {
      for (const i of get().insights) {
        expect(i.quote).not.toMatch(AD_WORDS);
        expect(i.text).not.toMatch(AD_WORDS);
      }
    });

    it('keeps insights distinct and inside the episode', () => {
      const { transcript, insights } = get();
      const first = Math.min(...transcript.segments.map((s) => s.start));
      const last = Math.max(...transcript.segments.map((s) => s.end));
      for (const [n, a] of insights.entries()) {
        expect(a.start).toBeGreaterThanOrEqual(first);
        expect(a.end).toBeLessThanOrEqual(last);
        expect(a.end).toBeGreaterThanOrEqual(a.start);
        for (const b of insights.slice(n + 1)) {
          expect(jaccard(a.text, b.text), `${a.text}\n~\n${b.text}`).toBeLessThan(0.5);
          expect(a.quote.includes(b.quote) || b.quote.includes(a.quote)).toBe(false);
        }
      }
    });

    it('cleans text only by removing words, and writes a short headline', () => {
      for (const i of get().insights) {
        expect(isSubsequence(i.text, i.quote), `${i.text}\n<- ${i.quote}`).toBe(true);
        expect(i.text).toMatch(/^["'“‘(]?[\p{Lu}\p{N}$]/u);
        expect(i.headline.split(' ').length).toBeLessThanOrEqual(HEADLINE_MAX_WORDS);
        expect(i.headline, 'no trailing preposition, conjunction or article').not.toMatch(
          /\b(of|to|in|on|at|for|with|by|from|and|or|but|the|a|an)$/i,
        );
        expect(i.headline, 'no dangling pronoun up front').not.toMatch(
          /^(it|it's|it’s|that|this|these|those|they|he|she|which)\b/i,
        );
        expect(i.text.split(' ').length, 'one paragraph').toBeLessThanOrEqual(95);
        expect(i.headline.length).toBeGreaterThan(0);
        expect(isSubsequence(i.headline, i.quote), `${i.headline}\n<- ${i.quote}`).toBe(true);
      }
    });

    it('names a speaker only when the transcript does', () => {
      const { transcript, insights } = get();
      const speakers = new Set(transcript.segments.map((s) => s.speaker).filter(Boolean));
      for (const i of insights) if (i.speaker !== undefined) expect(speakers.has(i.speaker)).toBe(true);
      if (speakers.size === 0) for (const i of insights) expect(i.speaker).toBeUndefined();
    });

    it('is deterministic', () => {
      const { transcript, insights } = get();
      expect(extractInsights(transcript)).toEqual(insights);
    });
  });

  it('returns at most `top` insights, best first', () => {
    const entry = loaded.get(FILES[0] as string);
    if (!entry) throw new Error('not loaded');
    const three = extractInsights(entry.transcript, { top: 3 });
    expect(three).toHaveLength(3);
    expect(extractInsights(entry.transcript, { top: 0 })).toEqual([]);
  });
});
