import { relative } from 'node:path';
import type { Command } from 'commander';
import { runDemo } from '../../demo/run-demo.js';
import { loadGlobalConfig } from '../context.js';
import { progressBar } from '../progress.js';
import { printBrief } from './briefs.js';

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('run the whole job offline on bundled sample podcasts and show the brief (what `npm start` does)')
    .action(async () => {
      const result = await runDemo(loadGlobalConfig(program), { progress: progressBar });
      try {
        console.log(
          `Polled ${result.feeds} sample podcasts and extracted ${result.insights} insights from ${result.episodes} episodes.\n`,
        );
        if (!result.brief) {
          console.log('No brief could be composed from the sample data.');
          process.exitCode = 1;
          return;
        }
        printBrief(result.app, result.brief, result.user);
        console.log('─'.repeat(72));
        console.log(`The email is in the outbox: ${result.outboxFile ?? '(not written)'}`);
        console.log(
          `Demo data lives in ${result.dataDir}; see it on the web page with \`DATA_DIR=${relative(process.cwd(), result.dataDir) || '.'} npx podbrief serve\`.`,
        );
        console.log('Your own podcasts: `npx podbrief feeds add <url>`; everything else: `npx podbrief --help`.');
      } finally {
        await result.app.close();
      }
    });
}
