#!/usr/bin/env node
import { runCli } from './program.js';

// A reader that stops early (`podbrief send --json | head`) must not end a run with sends in flight:
// the output stops, the work goes on.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

process.exitCode = await runCli(process.argv.slice(2));
