import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../model/errors.js';
import type { Transcriber } from './types.js';
import { engineTranscript } from './verbose-json.js';
import type { WhisperJob, WhisperReply } from './whisper-child.js';

export interface WhisperLocalOptions {
  modelPath: string;
  /** Name for records, e.g. `base.en`. */
  model: string;
  threads: number;
  /** Watchdog: the child is killed when one chunk takes longer than this… */
  timeoutMs: number;
  /** …or than this many times the chunk's length, whichever is longer (default 4: slow CPUs are not stalls). */
  watchdogRealTimeFactor?: number;
}

const TAIL = 2000;

/** The in-process engine: whisper.cpp via @napi-rs/whisper, one child process per audio file, with a watchdog. */
export function whisperTranscriber(o: WhisperLocalOptions): Transcriber {
  return {
    name: 'whisper',
    model: o.model,
    pricePerMinuteUsd: 0,
    async transcribe(audio, opts = {}) {
      if (!existsSync(o.modelPath)) {
        throw new AppError(
          'whisper_model_missing',
          `ggml model ${o.modelPath} not found: run \`podbrief models download ${o.model}\` or set WHISPER_MODEL_PATH`,
        );
      }
      const job: WhisperJob = {
        modelPath: o.modelPath,
        wavPath: audio.path,
        threads: o.threads,
        ...(opts.language && { language: opts.language }),
      };
      const limitMs = Math.max(o.timeoutMs, audio.durationSeconds * 1000 * (o.watchdogRealTimeFactor ?? 4));
      const reply = await runChild(job, limitMs, opts.signal);
      if (reply.type === 'error') throw new AppError(reply.code, `in-process whisper: ${reply.message}`);
      const segments = reply.segments
        .map((s) => ({
          start: Math.max(0, s.start),
          end: Math.max(s.start, s.end),
          text: s.text.replace(/\s+/g, ' ').trim(),
        }))
        .filter((s) => s.text !== '');
      return engineTranscript(segments, 'whisper', reply.language, audio.durationSeconds);
    },
  };
}

function childEntry(): { path: string; execArgv: string[] } {
  const ts = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(new URL(ts ? './whisper-child.ts' : './whisper-child.js', import.meta.url));
  // Under tsx or vitest the sources are TypeScript: the child needs the same loader.
  return { path, execArgv: ts ? ['--import', 'tsx'] : [] };
}

function runChild(job: WhisperJob, timeoutMs: number, signal: AbortSignal | undefined): Promise<WhisperReply> {
  const entry = childEntry();
  return new Promise((resolve, reject) => {
    const child = fork(entry.path, [], {
      execArgv: entry.execArgv,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let stderr = '';
    let reply: WhisperReply | undefined;
    let timedOut = false;
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-TAIL);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('message', (m: WhisperReply) => {
      reply = m;
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new AppError('whisper_failed', `in-process whisper could not start: ${err.message}`, { cause: err }));
    });
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (reply) return resolve(reply);
      if (timedOut)
        return reject(
          new AppError(
            'asr_timeout',
            `in-process whisper gave no result within ${Math.round(timeoutMs / 100) / 10} s and was stopped`,
          ),
        );
      if (signal?.aborted) return reject(new AppError('aborted', 'in-process whisper was stopped'));
      const why = lastLine(stderr);
      reject(
        new AppError(
          'asr_engine_crashed',
          `in-process whisper crashed (${sig ?? `exit code ${code}`})${why ? `: ${why}` : ''}`,
        ),
      );
    });
    child.send(job);
  });
}

function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('whisper_') && !l.startsWith('ggml_'));
  return (lines.at(-1) ?? '').slice(0, 300);
}
