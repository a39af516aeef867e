import type { Command } from 'commander';
import { evaluateDir, formatEvalReport, type InsightExtractor } from '../../insights/index.js';
import { printJson } from '../context.js';
import { engineOption, withLlmEngine, type EngineChoice } from './llm-engine.js';
import { positiveInt } from './local-files.js';

/** `podbrief eval <dir>`: the insight quality harness (engine vs lead-N and TextRank-N). */
export function evalCommand(program: Command): void {
  program
    .command('eval <dir>')
    .description(
      'score the insight engine against reference takeaways: one folder per episode with transcript.* and reference.md ("- " bullets)',
    )
    .option('--top <n>', 'insights per episode', (v) => positiveInt(v, '--top'), 5)
    .addOption(engineOption())
    .option('--json', 'print a JSON report')
    .action(async (dir: string, opts: { top: number; engine: EngineChoice; json?: boolean }) => {
      const run = (extractor?: InsightExtractor) =>
        evaluateDir(dir, {
          top: opts.top,
          ...(extractor ? { extractor } : {}),
          // Progress goes to stderr so stdout stays a clean report.
          onEpisode: (e, done, total) => {
            if (process.stderr.isTTY)
              process.stderr.write(`\r${done}/${total} ${e.episode}`.padEnd(70) + (done === total ? '\n' : ''));
          },
        });
      const report = opts.engine === 'llm' ? await withLlmEngine(program, run) : await run();
      if (opts.json) return printJson(report);
      console.log(formatEvalReport(report));
    });
}
