#!/usr/bin/env node
import { Command } from 'commander';
import { AppError, errorMessage } from '../model/errors.js';
import { adminCommands } from './commands/admin.js';
import { briefCommands } from './commands/briefs.js';
import { demoCommand } from './commands/demo.js';
import { evalCommand } from './commands/eval.js';
import { feedsCommand } from './commands/feeds.js';
import { localFileCommands } from './commands/local-files.js';
import { modelsCommand } from './commands/models.js';
import { pollCommand } from './commands/poll.js';
import { transcribeCommand } from './commands/transcribe.js';
import { usersCommand } from './commands/users.js';
import { statusCommand } from './commands/status.js';

export function buildProgram(): Command {
  const program = new Command('podbrief')
    .description('Your free personalized podcast brief: scans new podcasts and sends you the top 5 insights daily.')
    .version('0.1.0')
    .option('--config <file>', 'JSON config file (env vars override it); also PODBRIEF_CONFIG')
    .showHelpAfterError();
  feedsCommand(program);
  pollCommand(program);
  localFileCommands(program);
  transcribeCommand(program);
  modelsCommand(program);
  evalCommand(program);
  usersCommand(program);
  briefCommands(program);
  adminCommands(program);
  statusCommand(program);
  demoCommand(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    // One clear line for expected failures; the stack only when something truly unexpected broke.
    if (err instanceof AppError) console.error(`podbrief: ${err.message}`);
    else if (err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT') console.error(`podbrief: ${err.message}`);
    else console.error(`podbrief: unexpected error: ${errorMessage(err)}`, process.env.DEBUG ? err : '');
    process.exitCode = 1;
  });
