import type { Command } from 'commander';
import { evaluateDir, formatEvalReport } from '../../insights/index.js';
import { printJson } from '../context.js';
import { positiveInt } from './local-files.js';

/** `podbrief eval <dir>`: the insight quality harness (engine vs lead-N and TextRank-N). */
export function evalCommand(program: Command): void {
  program
    .command('eval <dir>')
    .description('score the insight engine against reference takeaways: one folder per episode with transcript.* and reference.md ("- " bullets)')
    .option('--top <n>', 'insights per episode', (v) => positiveInt(v, '--top'), 5)
    .option('--json', 'print a JSON report')
    .action(async (dir: string, opts: { top: number; json?: boolean }) => {
      const report = await evaluateDir(dir, {
        top: opts.top,
        // Progress goes to stderr so stdout stays a clean report.
        onEpisode: (e, done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} ${e.episode}`.padEnd(70) + (done === total ? '\n' : ''));
        },
      });
      if (opts.json) return printJson(report);
      console.log(formatEvalReport(report));
    });
}
