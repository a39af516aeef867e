/** npx tsx bench/eval-insights.ts [dir]: the eval harness on eval-public with the test loader. */
import { corpusPath } from '../test/corpus.js';
import { evaluateDir, formatEvalReport } from '../src/insights/eval/index.js';
import { loadCorpusTranscript } from '../src/insights/test-support/corpus-transcript.js';

const dir = process.argv[2] ?? corpusPath('eval-public');
const t = performance.now();
const report = await evaluateDir(dir, { load: async (p) => loadCorpusTranscript(p) });
console.log(formatEvalReport(report));
console.log(`(${((performance.now() - t) / 1000).toFixed(1)} s)`);
