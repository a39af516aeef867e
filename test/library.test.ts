import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractInsights, isQuoteGrounded, parseFeed, parseTranscript, relateInsights } from '../src/index.js';
import { corpusPath, hasCorpus, requireCorpus } from './corpus.js';

describe.skipIf(!hasCorpus && process.env.CI !== 'true')('library entry: the pure stages without a database', () => {
  it('parseFeed → parseTranscript → extractInsights → relateInsights', () => {
    requireCorpus();
    const feed = parseFeed(readFileSync(corpusPath('feeds', 'real', 'partytime__podcasting20-pc20rss.xml')));
    expect(feed.episodes[0]?.transcripts.length).toBeGreaterThan(0);

    const transcript = parseTranscript(
      readFileSync(corpusPath('transcripts', 'podcasting20-ep124-excerpt.srt'), 'utf8'),
      { type: 'application/srt' },
    );
    expect(transcript.source).toBe('published:srt');

    const insights = extractInsights(transcript, { top: 4 });
    expect(insights).toHaveLength(4);
    for (const i of insights) expect(isQuoteGrounded(i.quote, transcript)).toBe(true);

    const { groups } = relateInsights(insights.map((i, n) => ({ id: `i${n}`, text: i.text })));
    expect(groups.flat().sort()).toEqual(['i0', 'i1', 'i2', 'i3']);
  });
});
