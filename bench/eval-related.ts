/**
 * Pairwise precision/recall/F1 of relateInsights on labelled sets built from real text:
 * the producer-written key points of eval-public episodes (theme = episode), six themes per set,
 * five of them with near-topic hard negatives (another episode of the same show or field).
 * The threshold is chosen on the tuning split and then reported, unchanged, on the held-out split.
 * A second kind of set uses the embedded engine's own insights of the same episodes.
 *   npm run eval:related [-- --quick]
 */
import { readFileSync } from 'node:fs';
import { corpusPath, requireCorpus } from '../test/corpus.js';
import { extractInsights } from '../src/insights/index.js';
import { parseTranscript } from '../src/transcripts/index.js';
import { relateInsights, DEFAULT_RELATE_THRESHOLD } from '../src/related/index.js';
import { labelledSets, readEvalEpisodes, type EpisodeRefs, type LabelledSet, type Split } from '../src/related/eval/labelled-sets.js';
import { addCounts, pairCounts, scoresOf, type PairScores } from '../src/related/eval/pairwise.js';
import { ceilingsOf } from '../src/related/eval/ceilings.js';

if (!requireCorpus()) process.exit(0);
const quick = process.argv.includes('--quick');
const episodes = readEvalEpisodes(corpusPath('eval-public'));

function score(sets: LabelledSet[], threshold: number): PairScores {
  let counts = { tp: 0, fp: 0, fn: 0 };
  for (const set of sets) {
    const labels = new Map(set.items.map((i) => [i.id, i.theme]));
    counts = addCounts(counts, pairCounts(labels, relateInsights(set.items, { threshold }).groups));
  }
  return scoresOf(counts);
}

const fmt = (s: PairScores) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;
const GRID = [0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15];

function report(kind: string, sets: Record<Split, LabelledSet[]>): void {
  const items = (s: LabelledSet[]) => s.reduce((n, x) => n + x.items.length, 0);
  const tuned = GRID.map((t) => ({ t, s: score(sets.tuning, t) })).sort((a, b) => b.s.f1 - a.s.f1 || a.t - b.t)[0]!;
  const heldAtTuned = score(sets['held-out'], tuned.t);
  const heldAtDefault = score(sets['held-out'], DEFAULT_RELATE_THRESHOLD);
  console.log(`\n${kind}: tuning ${sets.tuning.length} sets / ${items(sets.tuning)} items, held-out ${sets['held-out'].length} sets / ${items(sets['held-out'])} items`);
  console.log(`  tuning   (threshold ${tuned.t} chosen here) ${fmt(tuned.s)}`);
  console.log(`  held-out (same threshold, never tuned on)   ${fmt(heldAtTuned)}`);
  console.log(`  held-out (library default ${DEFAULT_RELATE_THRESHOLD})             ${fmt(heldAtDefault)}`);
  const c = ceilingsOf(sets['held-out'], (theme) => theme.split('-')[0] ?? theme);
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  console.log(`  what the similarity can tell apart (held-out, true labels): nearest item same theme ${pct(c.nearestSameTheme)}, closest to own theme ${pct(c.ownCentroidClosest)}; grouping by show alone ${fmt(c.groupedByShow)}`);
}

const started = performance.now();
report('reference key points', { tuning: labelledSets(episodes, 'tuning'), 'held-out': labelledSets(episodes, 'held-out') });

if (!quick) {
  // The engine's insights stand in for what production groups: paragraphs, not bullets.
  const asInsights: EpisodeRefs[] = episodes.map((e) => {
    const md = readFileSync(corpusPath('eval-public', e.episode, 'transcript.md'), 'utf8');
    return { ...e, bullets: extractInsights(parseTranscript(md, { type: 'text/markdown' })).map((i) => i.text) };
  });
  report('engine insights (top 5 per episode)', { tuning: labelledSets(asInsights, 'tuning'), 'held-out': labelledSets(asInsights, 'held-out') });
}
console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
