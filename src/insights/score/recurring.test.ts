import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../model/transcript.js';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import { readTranscriptFile } from '../../transcripts/index.js';
import { readEpisode } from '../document/index.js';
import { discoverEpisodes, repeatsByEpisode } from '../eval/index.js';
import { extractInsights } from '../extract.js';
import { episodeShingles, recurringSentences, showRepeats, ShowShingles } from './recurring.js';
import { AD, showEpisode, TOPICS } from './test-support/show-episodes.js';

describe('a show repeating itself across episodes', () => {
  const episodes = [0, 1, 2, 3].map(showEpisode);
  const others = episodes.slice(1).map(episodeShingles);

  it('marks the read the show repeats in two other episodes, and nothing the episode says once', () => {
    const doc = readEpisode(episodes[0] as Transcript);
    const marked = recurringSentences(doc, showRepeats(others));
    const text = (k: number): string => doc.layout.text.slice(doc.sentences[k]?.charStart, doc.sentences[k]?.charEnd);
    const recurring = doc.sentences.map((_, k) => k).filter((k) => marked[k]);
    // The same small talk around the read recurs too; what the guest says in this episode does not.
    expect(recurring.map(text)).toContain(AD);
    expect(recurring.map(text).filter((t) => t.includes('Hello') || TOPICS.flat().includes(t))).toEqual([]);
  });

  it('needs the run in at least two other episodes: once is not yet the show’s habit', () => {
    const doc = readEpisode(episodes[0] as Transcript);
    expect(recurringSentences(doc, showRepeats(others.slice(0, 1))).some(Boolean)).toBe(false);
  });

  it('counted once for the show, marks for each episode what counting its others afresh marks', () => {
    const show = new ShowShingles();
    const shingles = episodes.map(episodeShingles);
    // Added twice: a replaced episode's runs are not counted twice.
    for (const [id, runs] of [...shingles.entries(), [0, shingles[0]] as const]) show.set(id, runs as Set<number>);
    for (const [i, episode] of episodes.entries()) {
      const doc = readEpisode(episode);
      const afresh = recurringSentences(doc, showRepeats(shingles.filter((_, j) => j !== i)));
      expect(afresh.some(Boolean)).toBe(true);
      expect(recurringSentences(doc, show.repeatsFor(i))).toEqual(afresh);
    }
    const two = new ShowShingles();
    two.set(0, shingles[0] as Set<number>);
    two.set(1, shingles[1] as Set<number>);
    expect(two.repeatsFor(0).empty).toBe(true);
    expect(two.repeatsFor(7).empty).toBe(false);
  });

  it('keeps the read out of the insights, which it would otherwise lead', () => {
    const plain = extractInsights(episodes[0] as Transcript, { top: 3 });
    expect(plain.some((i) => i.quote.includes('Harbor Deck'))).toBe(true);
    const insights = extractInsights(episodes[0] as Transcript, { top: 3, repeats: showRepeats(others) });
    expect(insights.length).toBeGreaterThan(0);
    expect(insights.some((i) => i.quote.includes('Harbor Deck'))).toBe(false);
  });
});

describe('real shows repeating themselves (eval-public)', () => {
  it.runIf(requireCorpus())(
    'finds each show’s intro or ad read, flags little else, and keeps it out of the top 5',
    async () => {
      const { folders } = await discoverEpisodes(corpusPath('eval-public'));
      const loaded = await Promise.all(
        folders.map(async (f) => ({ episode: f.episode, transcript: await readTranscriptFile(f.transcript) })),
      );
      const repeats = repeatsByEpisode(loaded);
      const found = new Map<string, string[]>();
      for (const [i, { episode, transcript }] of loaded.entries()) {
        const doc = readEpisode(transcript);
        const marked = recurringSentences(doc, repeats[i]);
        // Furniture is a small part of an episode: a flag on much more would be eating the content.
        expect(marked.filter(Boolean).length / doc.sentences.length).toBeLessThan(0.1);
        const flagged = doc.sentences
          .filter((_, k) => marked[k])
          .map((s) => doc.layout.text.slice(s.charStart, s.charEnd).toLowerCase());
        found.set(episode, flagged);
        const insights = extractInsights(transcript, { top: 5, ...(repeats[i] ? { repeats: repeats[i] } : {}) });
        for (const insight of insights) for (const f of flagged) expect(insight.quote.toLowerCase()).not.toContain(f);
      }
      const all = (show: string): string =>
        [...found]
          .filter(([e]) => e.startsWith(show))
          .flatMap(([, f]) => f)
          .join(' ');
      expect(all('podlets')).toContain('a weekly show that explores cloud native');
      expect(all('misfit')).toContain('gorilla mind');
      expect(all('lennys')).toMatch(/subscribe|newsletter/);
    },
    120_000,
  );
});
