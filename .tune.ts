import { corpusPath } from './test/corpus.js';
import { readdirSync, readFileSync } from 'node:fs';
import { extractWithWeights } from './src/insights/extract.js';
import { DEFAULT_WEIGHTS, type ScoreWeights } from './src/insights/score/rank.js';
import { bagOf, matchShares, rouge1Recall, parseReferences } from './src/insights/eval/index.js';
import { buildBackgroundStats } from './src/insights/index.js';
import { loadCorpusTranscript } from './src/insights/test-support/corpus-transcript.js';
const root = corpusPath('eval-public');
const eps = readdirSync(root).filter((d) => !d.endsWith('.md')).sort().map((d) => ({ d, t: loadCorpusTranscript(`${root}/${d}/transcript.md`), refs: parseReferences(readFileSync(`${root}/${d}/reference.md`, 'utf8')).map(bagOf) }));
const texts = eps.map((e) => e.t.segments.map((s) => s.text).join(' '));
const bgs = process.env.BG ? eps.map((_, i) => buildBackgroundStats(texts.filter((_, j) => j !== i))) : eps.map(() => undefined);
function run(w: ScoreWeights) { let im = 0, rm = 0, r1 = 0, words = 0; const per: string[] = [];
  for (const [ei, e] of eps.entries()) { const bg = bgs[ei]; const ins = extractWithWeights(e.t, bg ? { background: bg } : {}, w); const bags = ins.map((i) => bagOf(i.text)); const m = matchShares(bags, e.refs); im += m.insightsMatched; rm += m.referencesMatched; r1 += rouge1Recall(bags, e.refs); words += ins.reduce((n, i) => n + i.text.split(' ').length, 0) / Math.max(1, ins.length); per.push(`${e.d.slice(0, 12)}:${(m.insightsMatched*5).toFixed(0)}`); }
  const n = eps.length; return { im: im / n, rm: rm / n, r1: r1 / n, words: words / n, per: per.join(' ') }; }
const grid: Array<Partial<ScoreWeights>> = JSON.parse(process.argv[2] ?? '[{}]');
for (const g of grid) { const r = run({ ...DEFAULT_WEIGHTS, ...g }); console.log(JSON.stringify(g), `im ${(r.im*100).toFixed(1)} rm ${(r.rm*100).toFixed(1)} r1 ${(r.r1*100).toFixed(1)} words ${r.words.toFixed(0)}`, process.env.PER ? r.per : ''); }
