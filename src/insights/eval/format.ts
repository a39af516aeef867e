import type { EvalReport, SystemScores } from './evaluate-dir.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function row(name: string, s: SystemScores): string {
  return `${name.padEnd(14)} R1-recall ${pct(s.rouge1Recall).padStart(6)}  insights matched ${pct(s.insightsMatched).padStart(6)}  refs matched ${pct(s.referencesMatched).padStart(6)}  words/item ${s.avgWords.toFixed(0).padStart(3)}`;
}

/** A plain-text table for the CLI: per-episode lines, then averages and the engine/TextRank ratio. */
export function formatEvalReport(report: EvalReport): string {
  const lines: string[] = [];
  for (const e of report.episodes) {
    lines.push(`${e.episode} (${e.references} reference points)`);
    for (const name of report.systems) {
      const s = e.systems[name];
      if (s) lines.push(`  ${row(name, s)}`);
    }
  }
  lines.push('', `average over ${report.episodes.length} episodes (match = weighted cosine >= ${report.matchThreshold}):`);
  for (const name of report.systems) {
    const s = report.average[name];
    if (s) lines.push(`  ${row(name, s)}`);
  }
  const engine = report.systems[0];
  const textrank = report.systems.find((n) => n.startsWith('textrank'));
  const a = engine ? report.average[engine] : undefined;
  const b = textrank ? report.average[textrank] : undefined;
  if (a && b && engine && textrank) {
    const ratio = (x: number, y: number): string => (y > 0 ? `${(x / y).toFixed(2)}x` : 'n/a');
    lines.push(
      `  ${engine} vs ${textrank}: insights matched ${ratio(a.insightsMatched, b.insightsMatched)}, refs matched ${ratio(a.referencesMatched, b.referencesMatched)}, R1-recall ${ratio(a.rouge1Recall, b.rouge1Recall)}`,
    );
  }
  return lines.join('\n');
}
