import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import { extractInsights } from '../insights/index.js';
import { parseReferences } from '../insights/eval/index.js';
import type { RelateInput } from '../model/insight.js';
import { readTranscriptFile } from '../transcripts/index.js';
import {
  DEFAULT_RELATE_THRESHOLD,
  pairLexicalThreshold,
  MAX_RELATE_ITEMS,
  relateInsights,
  SHORT_ITEMS_RELATE_THRESHOLD,
  similarInsights,
} from './index.js';

/** Episodes from different shows and themes; the two Misfit episodes share the fitness theme. */
const EPISODES: Array<[string, string]> = [
  ['podlets-015-the-network', 'networking'],
  ['podlets-010-dichotomy-of-security', 'security'],
  ['lennys-podcast-dmitry-zlokazov', 'product'],
  ['misfit-podcast-e378-wanjiru-new-misfit-affiliate-phase', 'fitness'],
  ['misfit-podcast-e388-leveling-up-quarterfinals-to-semifinals', 'fitness'],
];

type Labelled = RelateInput & { theme: string };

/** A fixed interleaving so themes are mixed and the order is not the episodes' order. */
function mix<T>(items: T[]): T[] {
  return items
    .map((x, i) => [(i * 7919) % 101, x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x);
}

function pairwise(items: Labelled[], groups: string[][]): { precision: number; recall: number; f1: number } {
  const groupOf = new Map<string, number>();
  groups.forEach((g, k) => g.forEach((id) => groupOf.set(id, k)));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  items.forEach((a, i) => {
    for (const b of items.slice(i + 1)) {
      const together = groupOf.get(a.id) === groupOf.get(b.id);
      const same = a.theme === b.theme;
      if (together && same) tp += 1;
      else if (together) fp += 1;
      else if (same) fn += 1;
    }
  });
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

function expectPartition(items: RelateInput[], groups: string[][]): void {
  const ids = groups.flat();
  expect(ids).toHaveLength(items.length);
  expect(new Set(ids)).toEqual(new Set(items.map((i) => i.id)));
  for (const g of groups) expect(g.length).toBeGreaterThan(0);
}

const canonical = (groups: string[][]): string[] => groups.map((g) => [...g].sort().join('|')).sort();

describe('relateInsights basics', () => {
  it('puts each id in exactly one group and rejects duplicate ids', () => {
    const items = [
      { id: 'a', text: 'Kubernetes network policies restrict pod traffic.' },
      { id: 'b', text: 'Network policies in Kubernetes decide which pods may talk.' },
      { id: 'c', text: 'Creatine and protein help recovery after heavy squats.' },
    ];
    const { groups } = relateInsights(items);
    expectPartition(items, groups);
    expect(groups).toEqual([['a', 'b'], ['c']]);
    expect(() => relateInsights([...items, { id: 'a', text: 'again' }])).toThrow(/duplicate/);
    expect(relateInsights([]).groups).toEqual([]);
  });

  it('refuses more items than fit in memory with one clear line, before any work', () => {
    const many = Array.from({ length: MAX_RELATE_ITEMS + 1 }, (_, i) => ({ id: String(i), text: `insight ${i}` }));
    const [max, got] = [MAX_RELATE_ITEMS, MAX_RELATE_ITEMS + 1].map((x) => x.toLocaleString('en-US'));
    expect(() => relateInsights(many)).toThrow(
      `related groups at most ${max} insights at a time (got ${got}): split the file`,
    );
  });
});

describe.runIf(requireCorpus())('relateInsights on real text with known themes', () => {
  const bullets: Labelled[] = [];
  const insights: Labelled[] = [];
  beforeAll(async () => {
    for (const [episode, theme] of EPISODES) {
      const refs = parseReferences(readFileSync(corpusPath('eval-public', episode, 'reference.md'), 'utf8'));
      refs.forEach((text, i) => bullets.push({ id: `${episode}#ref${i}`, text, theme }));
      const transcript = await readTranscriptFile(corpusPath('eval-public', episode, 'transcript.md'));
      extractInsights(transcript).forEach((x, i) => insights.push({ id: `${episode}#ins${i}`, text: x.text, theme }));
    }
  });

  it('groups the engine’s insights by theme (default threshold)', () => {
    const items = mix(insights);
    const { groups } = relateInsights(items);
    expectPartition(items, groups);
    const score = pairwise(items, groups);
    console.log(
      `related/insights: ${items.length} items, ${groups.length} groups, P ${score.precision.toFixed(2)} R ${score.recall.toFixed(2)} F1 ${score.f1.toFixed(2)}`,
    );
    // One big group would score P 0.25 R 1 F1 0.40; npm run eval:related measures far larger sets.
    expect(score.f1).toBeGreaterThanOrEqual(0.6);
    expect(score.precision).toBeGreaterThanOrEqual(0.55);
  });

  it('groups short reference bullets by theme (they share few words, so a lower threshold)', () => {
    const items = mix(bullets);
    const { groups } = relateInsights(items, { threshold: 0.02 });
    expectPartition(items, groups);
    const score = pairwise(items, groups);
    console.log(
      `related/bullets: ${items.length} items, ${groups.length} groups, P ${score.precision.toFixed(2)} R ${score.recall.toFixed(2)} F1 ${score.f1.toFixed(2)}`,
    );
    // Measured: 62 items, 14 groups, P 0.53 R 0.45 F1 0.49; one big group would score P 0.27 R 1 F1 0.42.
    // (Short bullets are near the lexical ceiling: see npm run eval:related.)
    expect(score.f1).toBeGreaterThanOrEqual(0.45);
    expect(score.precision).toBeGreaterThanOrEqual(0.5);
  });

  it('pairs short bullets at the short-item threshold by default, paragraphs at the paragraph one', () => {
    const short = mix(bullets);
    expect(relateInsights(short).groups).not.toEqual(
      relateInsights(short, { threshold: DEFAULT_RELATE_THRESHOLD }).groups,
    );
    const long = mix(insights);
    expect(relateInsights(long).groups).toEqual(relateInsights(long, { threshold: DEFAULT_RELATE_THRESHOLD }).groups);
  });

  it('groups paragraphs the same whether or not a batch of short items sits beside them', () => {
    // A set's composition must not swing the result: the threshold is per pair, not per set (a
    // set whose median item was short once dropped every paragraph pair to the short threshold).
    // The short batch is on a subject of its own, so it links to no paragraph: the paragraphs'
    // cosines still move a little with the set's IDF, not enough to change a group here.
    const dishes = ['sourdough', 'marmalade', 'risotto', 'gazpacho', 'focaccia', 'chutney'];
    const steps = ['proving', 'glazing', 'simmering', 'pickling', 'kneading'];
    const short = dishes.flatMap((d, i) => steps.map((s, j) => ({ id: `cook${i}.${j}`, text: `${s} ${d}` })));
    const long = mix(insights);
    expect(short.length).toBeGreaterThan(long.length); // enough to make the set's median item short
    const alone = canonical(relateInsights(long).groups);
    const paragraphIds = new Set(long.map((i) => i.id));
    const beside = relateInsights(mix([...long, ...short]))
      .groups.map((g) => g.filter((id) => paragraphIds.has(id)))
      .filter((g) => g.length > 0);
    expect(canonical(beside)).toEqual(alone);
  });

  it('is stable: same output twice, same partition whatever the input order', () => {
    const items = mix(bullets);
    const first = relateInsights(items, { threshold: 0.02 });
    expect(relateInsights(items, { threshold: 0.02 })).toEqual(first);
    expect(canonical(relateInsights([...items].reverse(), { threshold: 0.02 }).groups)).toEqual(
      canonical(first.groups),
    );
  });

  it('similarInsights ranks same-theme insights first', () => {
    let sameTheme = 0;
    let returned = 0;
    for (const target of insights) {
      const result = similarInsights(target, insights, 3);
      expect(result.length).toBeLessThanOrEqual(3);
      expect(result.map((r) => r.id)).not.toContain(target.id);
      for (let i = 1; i < result.length; i += 1)
        expect(result[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(result[i]?.score ?? 0);
      for (const r of result) {
        returned += 1;
        if (insights.find((x) => x.id === r.id)?.theme === target.theme) sameTheme += 1;
      }
    }
    console.log(`related/similar: ${sameTheme}/${returned} of the top-3 neighbours share the target's theme`);
    expect(sameTheme / returned).toBeGreaterThanOrEqual(0.75);
    expect(similarInsights(insights[0] as Labelled, insights, 0)).toEqual([]);
    expect(similarInsights(insights[0] as Labelled, insights, 3, 1.01)).toEqual([]);
  });
});

describe.runIf(requireCorpus())('relateInsights on the labelled sets of eval:related (tuning split only)', () => {
  it('beats putting everything in one group on every tuning set of key points', async () => {
    const { labelledSets, readEvalEpisodes } = await import('./eval/labelled-sets.js');
    const { pairCounts, scoresOf } = await import('./eval/pairwise.js');
    const sets = labelledSets(readEvalEpisodes(corpusPath('eval-public')), 'tuning');
    expect(sets.length).toBeGreaterThan(5);
    for (const set of sets) {
      const labels = new Map(set.items.map((i) => [i.id, i.theme]));
      const { groups } = relateInsights(set.items, { threshold: 0.01 });
      expectPartition(set.items, groups);
      const ours = scoresOf(pairCounts(labels, groups)).f1;
      const oneGroup = scoresOf(pairCounts(labels, [set.items.map((i) => i.id)])).f1;
      expect(ours, set.name).toBeGreaterThan(oneGroup);
    }
  });
});

describe('similarInsights needs shared evidence', () => {
  it('does not relate two insights that share only everyday words', () => {
    const target = { id: 't', text: 'I think people want to know what works, and they want it every day.' };
    const everyday = { id: 'e', text: 'Every day people want to know, I think, what works for them.' };
    const topical = {
      id: 'k',
      text: 'Kubernetes operators encode what a database administrator does for stateful workloads.',
    };
    const sameTopic = {
      id: 's',
      text: 'A Kubernetes operator runs stateful workloads like a database administrator would.',
    };
    expect(similarInsights(target, [everyday, topical], 3)).toEqual([]);
    // Everyday word pairs are not a topic either.
    expect(
      similarInsights(
        { id: 'a', text: 'Most people think good work takes time.' },
        [{ id: 'b', text: 'People think good work takes a long time.' }],
        3,
      ),
    ).toEqual([]);
    expect(similarInsights(topical, [sameTopic, everyday], 3).map((r) => r.id)).toEqual(['s']);
  });
});

describe('pairLexicalThreshold', () => {
  it('is lower for a pair of short items, whose related pairs share fewer features', () => {
    expect(pairLexicalThreshold(6, 8)).toBe(SHORT_ITEMS_RELATE_THRESHOLD);
    expect(pairLexicalThreshold(20, 40)).toBe(DEFAULT_RELATE_THRESHOLD);
    expect(pairLexicalThreshold(0, 40)).toBe(SHORT_ITEMS_RELATE_THRESHOLD);
  });

  it('goes by the geometric mean of the two lengths, and is symmetric', () => {
    expect(pairLexicalThreshold(11, 13)).toBe(SHORT_ITEMS_RELATE_THRESHOLD); // √143 < 12
    expect(pairLexicalThreshold(12, 12)).toBe(DEFAULT_RELATE_THRESHOLD);
    expect(pairLexicalThreshold(8, 40)).toBe(DEFAULT_RELATE_THRESHOLD); // √320 ≈ 17.9
    expect(pairLexicalThreshold(40, 8)).toBe(DEFAULT_RELATE_THRESHOLD);
    expect(pairLexicalThreshold(8, 16)).toBe(SHORT_ITEMS_RELATE_THRESHOLD); // √128 ≈ 11.3
  });
});
