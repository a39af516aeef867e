/**
 * The insight eval harness on eval-public (or a given dir), the same run as `podbrief eval`,
 * summarised for all episodes, the tuning half (odd positions in name order), the held-out half
 * (even positions) and per show (folder name up to the first "-").
 *
 *   npm run eval:insights [-- dir]
 */
import { corpusPath } from '../test/corpus.js';
import { evaluateDir, formatRatios, formatScores, summarize, type EpisodeReport } from '../src/insights/eval/index.js';

const dir = process.argv[2] ?? corpusPath('eval-public');
const t = performance.now();
const report = await evaluateDir(dir);
const seconds = (performance.now() - t) / 1000;

const groups: Array<[string, EpisodeReport[]]> = [
  ['all', report.episodes],
  ['tune half (odd)', report.episodes.filter((_, i) => i % 2 === 1)],
  ['held-out half (even)', report.episodes.filter((_, i) => i % 2 === 0)],
];
const shows = new Map<string, EpisodeReport[]>();
for (const e of report.episodes) {
  const show = e.episode.split('-')[0] ?? e.episode;
  shows.set(show, [...(shows.get(show) ?? []), e]);
}
for (const [show, episodes] of shows) groups.push([`show ${show}`, episodes]);

for (const [name, episodes] of groups) {
  const s = summarize(episodes, report.systems);
  console.log(`\n${name} (${episodes.length} episodes)`);
  for (const system of report.systems) {
    const scores = s.average[system];
    if (scores) console.log(`  ${formatScores(system, scores)}`);
  }
  if (s.ratioToTextRank) console.log(`  ${formatRatios(report.systems[0] ?? '', s.ratioToTextRank)}`);
}
console.log(
  `\n${report.systems[0]} quotes found verbatim in the transcript: ${report.quotes.grounded}/${report.quotes.total}`,
);
console.log(
  `\n(${report.episodes.length} episodes in ${seconds.toFixed(1)} s; per-episode table: podbrief eval ${dir})`,
);
