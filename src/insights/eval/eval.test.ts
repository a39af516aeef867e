import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import { bagOf, evaluateEpisode, formatEvalReport, matchShares, parseReferences, rouge1Recall } from './index.js';
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
});

describe.runIf(requireCorpus())('evaluation harness on eval-public', () => {
  it('scores the engine and both baselines on one episode', async () => {
    const report = await evaluateEpisode(corpusPath('eval-public', 'podlets-010-dichotomy-of-security'));
    expect(report.references).toBe(20);
    expect(Object.keys(report.systems)).toEqual(['embedded', 'lead-5', 'textrank-5']);
    for (const s of Object.values(report.systems)) {
      expect(s.items).toBe(5);
      for (const x of [s.rouge1Recall, s.insightsMatched, s.referencesMatched]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
  });

  it('averages over every episode folder and prints a table', { timeout: 120_000 }, async () => {
    const report = await evaluateDir(corpusPath('eval-public'));
    expect(report.episodes).toHaveLength(26);
    const engine = report.average.embedded;
    const textrank = report.average['textrank-5'];
    const lead = report.average['lead-5'];
    if (!engine || !textrank || !lead) throw new Error('missing system');
    // Measured 2025-11: engine 60% / 41% (insights / references matched), TextRank-5 57% / 34%, lead-5 30% / 24%.
    expect(engine.insightsMatched).toBeGreaterThan(lead.insightsMatched);
    expect(engine.referencesMatched).toBeGreaterThanOrEqual(textrank.referencesMatched);
    expect(engine.insightsMatched).toBeGreaterThan(0.5);
    expect(formatEvalReport(report)).toContain('embedded vs textrank-5');
  });
});
