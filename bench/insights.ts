/**
 * Times the embedded insight engine on a real one-hour transcript (model load excluded).
 *   npm run bench:insights [-- path-to-vtt-or-md]
 */
import { corpusPath } from '../test/corpus.js';
import { extractInsights } from '../src/insights/index.js';
import { readTranscriptFile } from '../src/transcripts/index.js';
import { wink } from '../src/text/index.js';

/** Issue 3: a one-hour transcript (~10k words) in at most half a second on one core. */
const BUDGET_MS = 500;
const path = process.argv[2] ?? corpusPath('transcripts', 'talkpython-507-langgraph.vtt');
const transcript = await readTranscriptFile(path);
const words = transcript.segments.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);

let t = performance.now();
wink();
const loadMs = performance.now() - t;

const runs: number[] = [];
let insights = extractInsights(transcript);
for (let i = 0; i < 5; i += 1) {
  t = performance.now();
  insights = extractInsights(transcript);
  runs.push(performance.now() - t);
}
t = performance.now();
runs.sort((a, b) => a - b);
console.log(`${path}: ${words} words, ${transcript.segments.length} segments`);
const median = runs[2] ?? 0;
console.log(
  `model load ${loadMs.toFixed(0)} ms; extract median ${median.toFixed(0)} ms (min ${runs[0]?.toFixed(0)}, max ${runs[4]?.toFixed(0)})`,
);
console.log(
  `= ${((median * 10_000) / words).toFixed(0)} ms per 10k words (budget ${BUDGET_MS} ms per 10k words: ${(median * 10_000) / words <= BUDGET_MS ? 'within' : 'OVER'})`,
);
for (const i of insights) {
  console.log(
    `\n[${i.start.toFixed(0)}s–${i.end.toFixed(0)}s] ${i.speaker ?? ''} (${i.score})\n# ${i.headline}\n${i.text}`,
  );
}
