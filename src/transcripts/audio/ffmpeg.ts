import { spawn } from 'node:child_process';
import { AppError } from '../../model/errors.js';

export interface ToolOptions {
  /** Kill the tool after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

const KEEP_STDERR = 4096;
const MAX_STDOUT = 1024 * 1024;

/**
 * Runs ffmpeg or ffprobe without a shell. A missing binary is `ffmpeg_missing` with how to get it;
 * a failure is `audio_decode_failed` with the tool's last error line; a hang is `ffmpeg_timeout`.
 */
export function runTool(bin: string, args: string[], opts: ToolOptions = {}): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < MAX_STDOUT) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-KEEP_STDERR);
    });
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, opts.timeoutMs);
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      done();
      reject(
        err.code === 'ENOENT' || err.code === 'EACCES'
          ? missing(bin)
          : new AppError('audio_decode_failed', `${bin} could not start: ${err.message}`, { cause: err }),
      );
    });
    child.on('close', (code, signal) => {
      done();
      if (timedOut)
        return reject(
          new AppError('ffmpeg_timeout', `${bin} did not finish within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s`),
        );
      if (opts.signal?.aborted) return reject(new AppError('aborted', `${bin} was stopped`));
      if (code === 0) return resolve({ stdout, stderr });
      const why = lastLine(stderr) || (signal ? `killed by ${signal}` : `exit code ${code}`);
      reject(new AppError('audio_decode_failed', `${bin} failed: ${why}`));
    });
  });
}

function missing(bin: string): AppError {
  const setting = /probe/i.test(bin) ? 'FFPROBE_PATH' : 'FFMPEG_PATH';
  return new AppError(
    'ffmpeg_missing',
    `${bin} was not found: install ffmpeg (Debian/Ubuntu: apt-get install ffmpeg) or set ${setting}`,
  );
}

function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? '').slice(0, 300);
}
