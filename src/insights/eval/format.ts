import type { EvalReport } from './evaluate-dir.js';
import type { Ratios, SystemScores } from './summary.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const times = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(2)}x`);

export function formatScores(name: string, s: SystemScores): string {
  return `${name.padEnd(14)} R1-recall ${pct(s.rouge1Recall).padStart(6)}  insights matched ${pct(s.insightsMatched).padStart(6)}  refs matched ${pct(s.referencesMatched).padStart(6)}  words/item ${s.avgWords.toFixed(0).padStart(3)}`;
}

export function formatRatios(engine: string, r: Ratios): string {
  return `${engine} / textrank: insights matched ${times(r.insightsMatched)}, refs matched ${times(r.referencesMatched)}, R1-recall ${times(r.rouge1Recall)}`;
}

/** A plain-text table for the CLI: per-episode lines, then averages and the engine/TextRank ratios. */
export function formatEvalReport(report: EvalReport): string {
  const lines: string[] = [];
  for (const e of report.episodes) {
    lines.push(`${e.episode} (${e.references} reference points)`);
    for (const name of report.systems) {
      const s = e.systems[name];
      if (s) lines.push(`  ${formatScores(name, s)}`);
    }
  }
  for (const s of report.skipped) lines.push(`skipped ${s.episode}: ${s.reason}`);
  const m = report.match;
  lines.push(
    '',
    `average over ${report.episodes.length} episodes, top ${report.top} (match: weighted cosine >= ${m.threshold} and >= ${m.minSharedTerms} shared words rarer than 1 in ${m.commonWordEvery}):`,
  );
  for (const name of report.systems) {
    const s = report.average[name];
    if (s) lines.push(`  ${formatScores(name, s)}`);
  }
  if (report.ratioToTextRank && report.systems[0])
    lines.push(`  ${formatRatios(report.systems[0], report.ratioToTextRank)}`);
  if (report.systems[0])
    lines.push(
      `  ${report.systems[0]} quotes found verbatim in the transcript: ${report.quotes.grounded}/${report.quotes.total}`,
    );
  return lines.join('\n');
}
