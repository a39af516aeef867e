import { Command, CommanderError } from 'commander';
import { AppError, errorMessage } from '../model/errors.js';
import { adminCommands } from './commands/admin.js';
import { briefCommands } from './commands/briefs.js';
import { demoCommand } from './commands/demo.js';
import { evalCommand } from './commands/eval.js';
import { feedsCommand } from './commands/feeds.js';
import { localFileCommands } from './commands/local-files.js';
import { modelsCommand } from './commands/models.js';
import { pollCommand } from './commands/poll.js';
import { serveCommand } from './commands/serve.js';
import { transcribeCommand } from './commands/transcribe.js';
import { usersCommand } from './commands/users.js';
import { statusCommand } from './commands/status.js';
import { workerCommand } from './commands/worker.js';

/**
 * A fresh `podbrief` program (commander keeps parsed options on it, so build one per run).
 * Commander throws a CommanderError instead of calling process.exit; `runCli` maps it to its exit code.
 */
function buildProgram(): Command {
  const program = new Command('podbrief')
    .description('Your free personalized podcast brief: scans new podcasts and sends you the top 5 insights daily.')
    .version('0.1.0')
    .option('--config <file>', 'JSON config file (env vars override it); also PODBRIEF_CONFIG')
    .showHelpAfterError()
    .exitOverride(); // before the subcommands are added: they inherit it
  feedsCommand(program);
  pollCommand(program);
  localFileCommands(program);
  transcribeCommand(program);
  modelsCommand(program);
  evalCommand(program);
  usersCommand(program);
  briefCommands(program);
  adminCommands(program);
  serveCommand(program);
  workerCommand(program);
  statusCommand(program);
  demoCommand(program);
  return program;
}

/**
 * Runs one `podbrief` invocation (`args` without node and the script) and resolves to its exit code.
 * Never calls process.exit; an exit code a command set on process.exitCode is returned and
 * process.exitCode is left as it was. Output goes to process.stdout and process.stderr.
 */
export async function runCli(args: readonly string[]): Promise<number> {
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await buildProgram().parseAsync([...args], { from: 'user' });
    return Number(process.exitCode ?? 0) || 0;
  } catch (err) {
    // Commander has already printed its message (or the help, or the version).
    if (err instanceof CommanderError) return err.exitCode;
    // One clear line for expected failures; the stack only when something truly unexpected broke.
    if (err instanceof AppError) console.error(`podbrief: ${err.message}`);
    else if (err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT')
      console.error(`podbrief: ${err.message}`);
    else console.error(`podbrief: unexpected error: ${errorMessage(err)}`, process.env.DEBUG ? err : '');
    return 1;
  } finally {
    process.exitCode = before;
  }
}
