import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../model/errors.js';
import { requireShared, sharedPath } from '../../../test/corpus.js';
import { failure } from './test-support/failure.js';
import { decodeToWav } from '../audio/decode-audio.js';
import { encode, speak } from '../audio/test-support/speech.js';
import { readWavInfo } from '../audio/wav.js';
import { runAsr } from './run-asr.js';
import { whisperTranscriber } from './whisper-transcriber.js';

/** 2.4 MB ggml model that answers "hello world" for every 30 s window (../shared/tools/make-whisper-test-model.py). */
const HELLO_MODEL = sharedPath('fixtures', 'whisper-hello-world.bin');
const MAKE_MODEL = sharedPath('tools', 'make-whisper-test-model.py');
const missing = !requireShared(HELLO_MODEL, 'the shared whisper test model');

let dir: string;
let opus: string;
let seconds: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podbrief-whisper-'));
  const wav = speak(dir, 3);
  seconds = (await readWavInfo(wav)).durationSeconds;
  opus = encode(wav, 'opus');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const engine = (o: Partial<Parameters<typeof whisperTranscriber>[0]> = {}) =>
  whisperTranscriber({ modelPath: HELLO_MODEL, model: 'hello-world', threads: 1, timeoutMs: 60_000, ...o });

describe.skipIf(missing)('in-process whisper.cpp (@napi-rs/whisper in a child process)', () => {
  it('loads the ggml model, takes ffmpeg-decoded Opus in chunks and gives stitched timed segments', async () => {
    const r = await runAsr(opus, {
      engines: [engine()],
      workDir: join(dir, 'work'),
      maxAudioBytes: 10_000_000,
      maxDurationSeconds: 3600,
      chunkSeconds: 30,
      overlapSeconds: 5,
    });
    expect(seconds).toBeGreaterThan(60);
    expect(r.transcript.source).toBe('asr:whisper');
    expect(r.costUsd).toBe(0);
    const segs = r.transcript.segments;
    expect(segs.length).toBe(Math.ceil((seconds - 5) / 25));
    for (const s of segs) expect(s.text).toBe('hello world');
    expect(segs[0]!.start).toBe(0);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBeGreaterThanOrEqual(segs[i - 1]!.end);
    expect(segs.at(-1)!.end).toBeCloseTo(seconds, 1);
  });

  it('survives a native abort of whisper.cpp and reports it', async (ctx) => {
    const f32 = join(dir, 'f32.bin');
    try {
      // whisper.cpp 0.0.4 asserts f16 convolution weights: an f32 model aborts inside full().
      execFileSync('python3', [
        MAKE_MODEL,
        f32,
        '--state',
        '16',
        '--heads',
        '1',
        '--layers',
        '1',
        '--ftype',
        '0',
        '--hello',
        '--end-ts',
        '30',
      ]);
    } catch (err) {
      if (process.env['CI'] === 'true') throw err;
      console.warn(`skipping: python3 with numpy is needed to make an f32 whisper model (${errorMessage(err)})`);
      ctx.skip();
      return;
    }
    const wav = join(dir, 'short.wav');
    await decodeToWav(opus, wav);
    const err = await failure(engine({ modelPath: f32 }).transcribe({ path: wav, durationSeconds: seconds }));
    expect(err.code).toBe('asr_engine_crashed');
    expect(err.message).toMatch(/^in-process whisper crashed \(SIGABRT\): .*GGML_ASSERT/);
  });

  it('stops a child that overruns its watchdog', async () => {
    const wav = join(dir, 'watchdog.wav');
    await decodeToWav(opus, wav);
    const started = Date.now();
    const err = await failure(
      engine({ timeoutMs: 150, watchdogRealTimeFactor: 0 }).transcribe({ path: wav, durationSeconds: seconds }),
    );
    expect(err.code).toBe('asr_timeout');
    expect(err.message).toBe('in-process whisper gave no result within 0.2 s and was stopped');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says how to get a model that is not there', async () => {
    const err = await failure(
      engine({ modelPath: join(dir, 'ggml-base.en.bin'), model: 'base.en' }).transcribe({
        path: 'x.wav',
        durationSeconds: 1,
      }),
    );
    expect(err.code).toBe('whisper_model_missing');
    expect(err.message).toContain('run `podbrief models download base.en` or set WHISPER_MODEL_PATH');
  });
});
