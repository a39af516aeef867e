import { corpusPath } from './test/corpus.js';
import { extractInsights } from './src/insights/index.js';
import { readEpisode } from './src/insights/document/index.js';
import { textRankSentences, bagOf, similarity, parseReferences } from './src/insights/eval/index.js';
import { loadCorpusTranscript } from './src/insights/test-support/corpus-transcript.js';
import { readFileSync } from 'node:fs';
const eps = process.argv.slice(2);
for (const ep of eps) {
  const dir = corpusPath('eval-public', ep);
  const t = loadCorpusTranscript(dir + '/transcript.md');
  const refs = parseReferences(readFileSync(dir + '/reference.md', 'utf8'));
  const rb = refs.map(bagOf);
  const show = (label: string, texts: string[]) => { console.log(`== ${label}`); for (const x of texts) { const b = bagOf(x); const sims = rb.map((r) => similarity(b, r)); const j = sims.indexOf(Math.max(...sims)); console.log(`  [${sims[j]?.toFixed(2)}] ${x.slice(0, 220)}\n      ~ ${refs[j]}`); } };
  console.log(`##### ${ep}`);
  show('engine', extractInsights(t).map(i => `${i.headline} || ${i.text}`));
  show('textrank', textRankSentences(readEpisode(t)));
}
