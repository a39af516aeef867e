import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliProcess {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves once its output matches `pattern`; rejects after `timeoutMs` or if it exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or the signal's name) once it has exited. */
  exited: Promise<number | string>;
}

/** A long-running `podbrief <args>` child process from source (serve, worker), for tests and benchmarks. */
export function startCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'cli', 'main.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => {
      done(code ?? signal ?? -1);
      for (const l of listeners) l();
    }),
  );
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((done, fail) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          fail(new Error(`no ${pattern} from podbrief ${args.join(' ')} in ${timeoutMs} ms; output:\n${text}`));
        }, timeoutMs);
        const check = () => {
          if (pattern.test(text)) {
            clearTimeout(timer);
            listeners.delete(check);
            done();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer);
            listeners.delete(check);
            fail(new Error(`podbrief ${args.join(' ')} exited before ${pattern}; output:\n${text}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
  };
}
