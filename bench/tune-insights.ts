/**
 * Coordinate search of the embedded engine's scoring weights on the tuning half of eval-public
 * (odd positions in name order), reporting the held-out half (even positions) beside it. Each
 * episode is analysed once; only scoring and selection rerun per setting.
 *
 *   npm run bench:insights-tune [-- --ablate | --loso [--keys=numeric]]
 *
 * --loso: leave one show out. For each show, the weight of the show-furniture feature (a passage
 * the show repeats across its episodes) is chosen on the two other shows and scored on the held-out
 * one, beside the engine without it (no repeats) and at the engine's defaults: a change is kept
 * only when it does not hurt, and helps where it can, the held-out show in every fold.
 * --keys: the same for the named weights instead, starting from each one's neutral value.
 * --sweep --keys=a,b: each value of each named weight's grid at the defaults, scored per show.
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
  repeatsByEpisode,
  rouge1Recall,
  showOf,
  similarity,
  textRankSentences,
  type SystemScores,
} from '../src/insights/eval/index.js';

interface Loaded {
  show: string;
  prep: PreparedEpisode;
  /** The same episode analysed without its show's repeats: the engine before they were used. */
  plain: PreparedEpisode;
  refs: ReturnType<typeof bagOf>[];
  textrank: { insightsMatched: number; referencesMatched: number };
}

const dirArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const { folders } = await discoverEpisodes(dirArg ?? corpusPath('eval-public'));
const transcripts = await Promise.all(
  folders.map(async (f) => ({ episode: f.episode, transcript: await readTranscriptFile(f.transcript) })),
);
const repeats = repeatsByEpisode(transcripts);
const episodes: Loaded[] = [];
for (const [i, f] of folders.entries()) {
  const transcript = transcripts[i]?.transcript;
  if (!transcript) continue;
  const prep = prepareEpisode(transcript, { ...(repeats[i] ? { repeats: repeats[i] } : {}) });
  const plain = prepareEpisode(transcript);
  const refs = (await readReferences(f.reference)).map(bagOf);
  episodes.push({
    show: showOf(f.episode),
    prep,
    plain,
    refs,
    textrank: matchShares(textRankSentences(prep.doc, 5).map(bagOf), refs),
  });
}
const tune = episodes.filter((_, i) => i % 2 === 1);
const held = episodes.filter((_, i) => i % 2 === 0);

type Score = Pick<SystemScores, 'insightsMatched' | 'referencesMatched'> & {
  ratio: [number, number];
  soft: number;
  r1: number;
};
function evaluate(set: Loaded[], w: ScoreWeights, before = false): Score {
  let r1 = 0;
  let im = 0;
  let rm = 0;
  let tim = 0;
  let trm = 0;
  let soft = 0;
  for (const e of set) {
    const bags = extractPrepared(before ? e.plain : e.prep, 5, w).map((i) => bagOf(i.text));
    const s = matchShares(bags, e.refs);
    r1 += rouge1Recall(bags, e.refs);
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
    r1: r1 / set.length,
  };
}
/**
 * Thresholded match shares move in steps of one item (1.5 points on 13 episodes), so tuning on
 * them fits noise; the mean best similarity (items to references and back) is smooth.
 */
const objective = (s: Score): number => s.soft;
const show = (s: Score): string =>
  `R1 ${(100 * s.r1).toFixed(1)}% matched ${(100 * s.insightsMatched).toFixed(1)}% / ${(100 * s.referencesMatched).toFixed(1)}% (x${s.ratio[0].toFixed(2)} / x${s.ratio[1].toFixed(2)}) soft ${s.soft.toFixed(3)}`;

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
  recurring: [0, 0.1, 0.3, 0.6, 1],
  numeric: [0, 0.15, 0.3, 0.5, 0.7],
  listing: [0, 0.15, 0.3, 0.5, 0.7, 0.9],
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
  recurring: 1,
  numeric: 0,
  listing: 0,
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

/** The weights named by --keys=a,b, checked against the grid; undefined without the flag. */
function keysArg(): Array<keyof ScoreWeights> | undefined {
  const arg = process.argv.find((a) => a.startsWith('--keys='))?.slice('--keys='.length);
  if (!arg) return undefined;
  const keys = arg.split(',') as Array<keyof ScoreWeights>;
  for (const key of keys) if (!(key in GRID)) throw new Error(`unknown weight: ${key}`);
  return keys;
}
const byShow = [...new Set(episodes.map((e) => e.show))];

if (process.argv.includes('--sweep')) {
  for (const key of keysArg() ?? [])
    for (const value of GRID[key]) {
      const w = { ...DEFAULT_WEIGHTS, [key]: value };
      const perShow = byShow.map((sh) => {
        const s = evaluate(
          episodes.filter((e) => e.show === sh),
          w,
        );
        return `${sh} R1 ${(100 * s.r1).toFixed(1)}% soft ${s.soft.toFixed(3)}`;
      });
      console.log(`${key}=${value}  ${perShow.join(' | ')}`);
    }
  process.exit(0);
}

if (process.argv.includes('--loso')) {
  // With --keys the weights under test start neutral; without it, the show furniture against no repeats.
  const named = keysArg();
  const keys = named ?? (['recurring'] as Array<keyof ScoreWeights>);
  const furnitureOnly = named === undefined;
  const before: ScoreWeights = furnitureOnly
    ? { ...DEFAULT_WEIGHTS, recurring: 1 }
    : { ...DEFAULT_WEIGHTS, ...Object.fromEntries(keys.map((k) => [k, NEUTRAL[k]])) };
  console.log(`leave one show out: ${keys.join(', ')} tuned on two shows, scored on the third`);
  for (const held of byShow) {
    const tuneSet = episodes.filter((e) => e.show !== held);
    const heldSet = episodes.filter((e) => e.show === held);
    let w = { ...before };
    for (const key of keys)
      for (const value of GRID[key]) {
        const tried = { ...w, [key]: value };
        if (objective(evaluate(tuneSet, tried)) > objective(evaluate(tuneSet, w)) + 1e-9) w = tried;
      }
    const was = evaluate(heldSet, before, furnitureOnly);
    const now = evaluate(heldSet, w);
    const tuned = keys.map((k) => `${k}=${w[k]}`).join(' ');
    console.log(`\nheld out ${held} (${heldSet.length} episodes; tuned on the others: ${tuned})`);
    console.log(`  before ${show(was)}`);
    console.log(`  after  ${show(now)}`);
    console.log(`  soft ${now.soft >= was.soft ? 'helps or ties' : 'HURTS'} (${(now.soft - was.soft).toFixed(4)})`);
    const atDefaults = evaluate(heldSet, DEFAULT_WEIGHTS);
    console.log(`  engine defaults (${keys.map((k) => `${k}=${DEFAULT_WEIGHTS[k]}`).join(' ')}) ${show(atDefaults)}`);
  }
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
