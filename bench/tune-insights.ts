/**
 * Coordinate search of the embedded engine's scoring weights on the tuning half of eval-public
 * (odd positions in name order), reporting the held-out half (even positions) beside it. Each
 * episode is analysed once; only scoring and selection rerun per setting.
 *
 *   npm run bench:insights-tune
 */
import { corpusPath } from '../test/corpus.js';
import { readTranscriptFile } from '../src/transcripts/index.js';
import { extractPrepared } from '../src/insights/extract.js';
import { prepareEpisode, type PreparedEpisode } from '../src/insights/prepare.js';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '../src/insights/score/rank.js';
import {
  bagOf,
  discoverEpisodes,
  matchShares,
  readReferences,
  similarity,
  textRankSentences,
  type SystemScores,
} from '../src/insights/eval/index.js';

interface Loaded {
  prep: PreparedEpisode;
  refs: ReturnType<typeof bagOf>[];
  textrank: { insightsMatched: number; referencesMatched: number };
}

const dirArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const { folders } = await discoverEpisodes(dirArg ?? corpusPath('eval-public'));
const episodes: Loaded[] = [];
for (const f of folders) {
  const prep = prepareEpisode(await readTranscriptFile(f.transcript));
  const refs = (await readReferences(f.reference)).map(bagOf);
  episodes.push({ prep, refs, textrank: matchShares(textRankSentences(prep.doc, 5).map(bagOf), refs) });
}
const tune = episodes.filter((_, i) => i % 2 === 1);
const held = episodes.filter((_, i) => i % 2 === 0);

type Score = Pick<SystemScores, 'insightsMatched' | 'referencesMatched'> & { ratio: [number, number]; soft: number };
function evaluate(set: Loaded[], w: ScoreWeights): Score {
  let im = 0;
  let rm = 0;
  let tim = 0;
  let trm = 0;
  let soft = 0;
  for (const e of set) {
    const bags = extractPrepared(e.prep, 5, w).map((i) => bagOf(i.text));
    const s = matchShares(bags, e.refs);
    const sims = bags.map((b) => e.refs.map((r) => similarity(b, r)));
    const mean = (xs: number[]): number => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);
    soft +=
      mean(sims.map((row) => Math.max(0, ...row))) +
      mean(e.refs.map((_, j) => Math.max(0, ...sims.map((row) => row[j] ?? 0))));
    im += s.insightsMatched;
    rm += s.referencesMatched;
    tim += e.textrank.insightsMatched;
    trm += e.textrank.referencesMatched;
  }
  return {
    insightsMatched: im / set.length,
    referencesMatched: rm / set.length,
    ratio: [im / tim, rm / trm],
    soft: soft / set.length,
  };
}
/**
 * Thresholded match shares move in steps of one item (1.5 points on 13 episodes), so tuning on
 * them fits noise; the mean best similarity (items to references and back) is smooth.
 */
const objective = (s: Score): number => s.soft;
const show = (s: Score): string =>
  `${(100 * s.insightsMatched).toFixed(1)}% / ${(100 * s.referencesMatched).toFixed(1)}% (x${s.ratio[0].toFixed(2)} / x${s.ratio[1].toFixed(2)}) soft ${s.soft.toFixed(3)}`;

const GRID: Record<keyof ScoreWeights, number[]> = {
  answers: [0, 0.25, 0.5, 1],
  claim: [0, 0.15, 0.3, 0.6],
  advice: [0, 0.1, 0.3],
  narrative: [0, 0.1, 0.3],
  fluency: [0, 0.1, 0.3],
  host: [0.6, 0.8, 1],
  dangling: [0.5, 0.7, 0.85, 1],
  question: [0.4, 0.6, 0.8, 1],
  preamble: [0.4, 0.6, 0.8, 1],
  idealMinWords: [15, 20, 25, 30],
  idealMaxWords: [40, 50, 60, 70],
};

const NEUTRAL: Partial<ScoreWeights> = {
  answers: 0,
  claim: 0,
  advice: 0,
  narrative: 0,
  fluency: 0,
  host: 1,
  dangling: 1,
  question: 1,
  preamble: 1,
  idealMinWords: 0,
  idealMaxWords: 1000,
};
if (process.argv.includes('--ablate')) {
  console.log(`defaults            all ${show(evaluate(episodes, DEFAULT_WEIGHTS))}`);
  for (const key of Object.keys(NEUTRAL) as Array<keyof ScoreWeights>) {
    console.log(
      `without ${key.padEnd(12)} all ${show(evaluate(episodes, { ...DEFAULT_WEIGHTS, [key]: NEUTRAL[key] }))}`,
    );
  }
  console.log(`centrality only     all ${show(evaluate(episodes, { ...DEFAULT_WEIGHTS, ...NEUTRAL }))}`);
  process.exit(0);
}

let best = { ...DEFAULT_WEIGHTS };
let bestValue = objective(evaluate(tune, best));
console.log(`defaults: tune ${show(evaluate(tune, best))}  held-out ${show(evaluate(held, best))}`);
for (let pass = 1; pass <= 2; pass += 1) {
  for (const key of Object.keys(GRID) as Array<keyof ScoreWeights>) {
    for (const value of GRID[key]) {
      const w = { ...best, [key]: value };
      const v = objective(evaluate(tune, w));
      if (v > bestValue + 1e-9) {
        bestValue = v;
        best = w;
        console.log(`pass ${pass} ${key}=${value}: tune ${show(evaluate(tune, w))}`);
      }
    }
  }
}
console.log(`\nbest on tune half: ${JSON.stringify(best)}`);
console.log(`tune     ${show(evaluate(tune, best))}`);
console.log(`held-out ${show(evaluate(held, best))}   (defaults: ${show(evaluate(held, DEFAULT_WEIGHTS))})`);
console.log(`all      ${show(evaluate(episodes, best))}   (defaults: ${show(evaluate(episodes, DEFAULT_WEIGHTS))})`);
