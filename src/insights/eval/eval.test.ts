import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import {
  bagOf,
  discoverEpisodes,
  evaluateEpisode,
  formatEvalReport,
  isMatch,
  matchShares,
  parseReferences,
  rouge1Recall,
  similarity,
} from './index.js';
import { evaluateDir } from './evaluate-dir.js';

describe('reference parsing and overlap measures', () => {
  it('reads only "- " bullets', () => {
    expect(parseReferences('# Title\n- first point\n  - nested\n-not a bullet\n- second point\n')).toEqual([
      'first point',
      'second point',
    ]);
  });

  it('computes ROUGE-1 recall on stemmed content words', () => {
    const refs = ['Containers simplify deployment', 'Security teams review policies'].map(bagOf);
    // References: contain, simplifi, deploy, secur, team, review, polici; shared: contain, deploy.
    expect(rouge1Recall([bagOf('Deploying containers is simpler now.')], refs)).toBeCloseTo(2 / 7, 5);
    expect(rouge1Recall([bagOf('Nothing related here at all.')], refs)).toBe(0);
  });

  it('counts matches in both directions', () => {
    const refs = ['Why service meshes help with network security', 'Hiring junior product managers'].map(bagOf);
    const system = ['Service meshes give you network security for free.', 'We had pizza for lunch.'].map(bagOf);
    expect(matchShares(system, refs)).toEqual({ insightsMatched: 0.5, referencesMatched: 0.5 });
  });

  it('does not count naming the episode topic once as making the reference point', () => {
    // From podlets-018: the cosine alone (0.5) called this small talk a match for most references.
    const smallTalk = bagOf(
      'We have been doing this for a 101 episodes now. So you can go look at that if you need some examples of what things you could do on Kubernetes.',
    );
    const reference = bagOf('The main problems that Kubernetes solves and poses.');
    expect(similarity(smallTalk, reference)).toBeGreaterThan(0.3);
    expect(isMatch(smallTalk, reference)).toBe(false);
    const onPoint = bagOf(
      'The main problem Kubernetes solves is scheduling containers, and the problem it poses is operating the cluster.',
    );
    expect(isMatch(onPoint, reference)).toBe(true);
  });
});

describe.runIf(requireCorpus())('evaluation harness on eval-public', () => {
  it('scores the engine and both baselines on one episode', async () => {
    const { folders } = await discoverEpisodes(corpusPath('eval-public'));
    const folder = folders.find((f) => f.episode === 'podlets-010-dichotomy-of-security');
    if (!folder) throw new Error('episode missing');
    const report = await evaluateEpisode(folder);
    expect(report.references).toBe(20);
    expect(Object.keys(report.systems)).toEqual(['embedded', 'lead-5', 'textrank-5']);
    for (const s of Object.values(report.systems)) {
      expect(s.items).toBe(5);
      expect(s.avgWords).toBeGreaterThan(10);
      for (const x of [s.rouge1Recall, s.insightsMatched, s.referencesMatched]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
  });

  it('averages over every episode folder and prints a table', { timeout: 180_000 }, async () => {
    const report = await evaluateDir(corpusPath('eval-public'));
    expect(report.episodes).toHaveLength(26);
    expect(report.skipped).toEqual([]);
    const engine = report.average.embedded;
    const textrank = report.average['textrank-5'];
    const lead = report.average['lead-5'];
    if (!engine || !textrank || !lead) throw new Error('missing system');
    // Measured: engine 51% / 29% (insights / references matched), TextRank-5 52% / 26%, lead-5 26% / 17%.
    expect(engine.insightsMatched).toBeGreaterThan(lead.insightsMatched + 0.15);
    expect(engine.referencesMatched).toBeGreaterThan(lead.referencesMatched + 0.08);
    expect(engine.insightsMatched).toBeGreaterThan(0.9 * textrank.insightsMatched);
    expect(engine.referencesMatched).toBeGreaterThan(textrank.referencesMatched);
    // Insights stay one paragraph, not whole monologues that match by sheer length.
    expect(engine.avgWords).toBeGreaterThan(25);
    expect(engine.avgWords).toBeLessThan(65);
    expect(report.ratioToTextRank?.referencesMatched).toBeCloseTo(
      engine.referencesMatched / textrank.referencesMatched,
      10,
    );
    expect(formatEvalReport(report)).toContain('embedded / textrank');
  });
});
