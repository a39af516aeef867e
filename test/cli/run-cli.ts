import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { runCli as runProgram } from '../../src/cli/program.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What every run gets unless the test says otherwise (a child process inherits the rest of the environment). */
const DEFAULT_ENV: Record<string, string> = { LOG_LEVEL: 'warn' };
const FROM_SOURCE = ['--import', 'tsx', join(repoRoot, 'src', 'cli', 'main.ts')];

/**
 * Runs the real `podbrief` CLI from source in a child process: for what only a process shows
 * (exit status, what reaches its stdout and stderr, that the entry point starts). Slow; prefer `invokeCli`.
 */
export function spawnCli(
  args: string[],
  env: Record<string, string> = {},
  entry: string[] = FROM_SOURCE,
): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [...entry, ...args],
      { cwd: repoRoot, env: { ...process.env, ...DEFAULT_ENV, ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `podbrief <args>` in this process, as the entry point does, with `env` over process.env and
 * process.stdout, process.stderr and console captured; everything is put back afterwards. Stdout and
 * stderr are not terminals, as with a pipe. Calls run one at a time (they share process-wide state).
 */
export function invokeCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const run = queue.then(() => runInProcess(args, { ...DEFAULT_ENV, ...env }));
  queue = run.catch(() => undefined);
  return run;
}

async function runInProcess(args: string[], env: Record<string, string>): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const restore: (() => void)[] = [];
  const replace = <T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void => {
    const own = Object.getOwnPropertyDescriptor(target, key);
    Object.defineProperty(target, key, {
      value,
      configurable: true,
      writable: true,
      enumerable: own?.enumerable ?? true,
    });
    restore.push(() => (own ? Object.defineProperty(target, key, own) : delete target[key]));
  };
  try {
    const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
    for (const [k, v] of Object.entries(env)) process.env[k] = v;
    restore.push(() => {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });
    for (const [stream, sink] of [
      [process.stdout, out],
      [process.stderr, err],
    ] as const) {
      replace(stream, 'write', capture(sink) as typeof stream.write);
      replace(stream, 'isTTY', false);
    }
    for (const [name, sink] of [
      ['log', out],
      ['info', out],
      ['debug', out],
      ['warn', err],
      ['error', err],
    ] as const) {
      replace(console, name, (...values: unknown[]) => void sink.push(format(...values) + '\n'));
    }
    const code = await runProgram(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

function capture(sink: string[]): (chunk: unknown, encoding?: unknown, cb?: unknown) => boolean {
  return (chunk, encoding, cb) => {
    sink.push(
      typeof chunk === 'string'
        ? chunk
        : Buffer.from(chunk as Uint8Array).toString(
            typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
          ),
    );
    const done = typeof encoding === 'function' ? encoding : cb;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  };
}
