/** npx tsx bench/eval-insights.ts [dir]: the insight eval harness, by default on eval-public. */
import { corpusPath } from '../test/corpus.js';
import { evaluateDir, formatEvalReport } from '../src/insights/eval/index.js';

const dir = process.argv[2] ?? corpusPath('eval-public');
const t = performance.now();
const report = await evaluateDir(dir);
console.log(formatEvalReport(report));
console.log(`(${((performance.now() - t) / 1000).toFixed(1)} s)`);
