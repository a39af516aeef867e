/**
 * Speech-to-text benchmark (`npm run bench:asr`): real-time factor of the in-process engine with
 * tiny- and base-shaped ggml models (true sizes) on 1 and 2 threads, ffmpeg decode
 * speed, and what each configured engine would charge per audio hour. The audio is the recorded test
 * speech (test/fixtures/speech) looped. Models are generated into a temporary folder by
 * ../shared/tools/make-whisper-test-model.py and deleted afterwards.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { ASR_ENGINES } from '../src/config/options.js';
import { errorMessage } from '../src/model/errors.js';
import { decodeToWav } from '../src/transcripts/audio/decode-audio.js';
import { locateTool } from '../src/transcripts/audio/locate-tools.js';
import { speak, SPEECH_SECONDS, speechFile } from '../src/transcripts/audio/test-support/speech.js';
import { readWavInfo, writeWavSlice } from '../src/transcripts/audio/wav.js';
import { createTranscriber, whisperTranscriber } from '../src/transcripts/asr/index.js';

const MAKE_MODEL = new URL('../../shared/tools/make-whisper-test-model.py', import.meta.url).pathname;
const SHAPES = {
  tiny: ['--state', '384', '--heads', '6', '--layers', '4', '--ftype', '1'],
  base: ['--state', '512', '--heads', '8', '--layers', '6', '--ftype', '1'],
} as const;
/**
 * Two decoder workloads on the same shapes. `few tokens`: the generator's --hello weights end each
 * 30 s window after a few tokens, so the cost is the encoder's, close to a real model on speech
 * (which decodes ~2-3 tokens a second). `token limit`: random weights decode garbage to the token
 * limit and trigger whisper's temperature fallback, a worst case no real model reaches.
 */
const WORKLOADS = {
  'few tokens': ['--hello', '--end-ts', '30'],
  'token limit': [],
} as const;
const AUDIO_SECONDS = Number(process.env['BENCH_AUDIO_SECONDS'] ?? 60);
const DECODE_MINUTES = Number(process.env['BENCH_DECODE_MINUTES'] ?? 10);

const dir = await mkdtemp(join(tmpdir(), 'podbrief-bench-asr-'));
try {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, node ${process.version}\n`,
  );
  const speech = speak(dir, Math.ceil(AUDIO_SECONDS / SPEECH_SECONDS));
  const info = await readWavInfo(speech);
  const clip = join(dir, 'clip.wav');
  await writeWavSlice(speech, info, 0, Math.min(AUDIO_SECONDS, info.durationSeconds), clip);
  const clipSeconds = (await readWavInfo(clip)).durationSeconds;

  await realTimeFactors(clip, clipSeconds);
  await decodeSpeed();
  costPerHour();
} finally {
  await rm(dir, { recursive: true, force: true });
}

async function realTimeFactors(clip: string, seconds: number): Promise<void> {
  if (!existsSync(MAKE_MODEL)) return console.log(`in-process engine: skipped (${MAKE_MODEL} not found)\n`);
  console.log(
    `in-process whisper.cpp (@napi-rs/whisper, child process) on ${seconds.toFixed(1)} s of recorded espeak-ng speech`,
  );
  console.log('model  decoder      threads  wall s   RTF (wall / audio; includes child start and model load)');
  for (const [shape, args] of Object.entries(SHAPES))
    for (const [workload, extra] of Object.entries(WORKLOADS)) {
      const model = join(dir, `ggml-${shape}-shaped.bin`);
      execFileSync('python3', [MAKE_MODEL, model, ...args, ...extra]);
      for (const threads of [1, 2]) {
        const engine = whisperTranscriber({
          modelPath: model,
          model: `${shape}-shaped`,
          threads,
          timeoutMs: seconds * 10 * 1000,
        });
        const started = performance.now();
        let note = '';
        try {
          await engine.transcribe({ path: clip, durationSeconds: seconds });
        } catch (err) {
          note = `  (${errorMessage(err)})`;
        }
        const wall = (performance.now() - started) / 1000;
        console.log(
          `${shape.padEnd(6)} ${workload.padEnd(12)} ${String(threads).padStart(7)}  ${wall.toFixed(2).padStart(6)}   ${(wall / seconds).toFixed(3)}${note}`,
        );
      }
      await rm(model, { force: true });
    }
  console.log('');
}

async function decodeSpeed(): Promise<void> {
  const long = join(dir, 'long.mp3');
  // A podcast-length MP3: the speech looped, re-encoded once (not timed).
  const ffmpeg = locateTool('ffmpeg');
  execFileSync(ffmpeg.path, [
    '-nostdin',
    '-loglevel',
    'error',
    '-y',
    '-stream_loop',
    '-1',
    '-i',
    speechFile('mp3'),
    '-t',
    String(DECODE_MINUTES * 60),
    '-c:a',
    'libmp3lame',
    '-b:a',
    '64k',
    long,
  ]);
  const out = join(dir, 'long16.wav');
  const started = performance.now();
  await decodeToWav(long, out);
  const wall = (performance.now() - started) / 1000;
  const seconds = (await readWavInfo(out)).durationSeconds;
  console.log(
    `ffmpeg decode (${ffmpeg.path}, ${ffmpeg.source}), ${DECODE_MINUTES} min MP3 64 kb/s → 16 kHz mono WAV: ${wall.toFixed(2)} s (${(seconds / wall).toFixed(0)}× real time)\n`,
  );
}

function costPerHour(): void {
  const config = loadConfig();
  const configured = config.asrEngine.length > 0 ? config.asrEngine : [...ASR_ENGINES];
  console.log(
    `cost per audio hour (${config.asrEngine.length > 0 ? 'ASR_ENGINE' : 'ASR_ENGINE=none; every engine with the current settings'})`,
  );
  for (const name of configured) {
    try {
      const engine = createTranscriber(name, { ...config, asrApiKey: config.asrApiKey || 'unset' });
      const note =
        engine.pricePerMinuteUsd > 0
          ? `ASR_PRICE_PER_MINUTE_USD ${engine.pricePerMinuteUsd} × 60`
          : 'runs on your own hardware';
      console.log(
        `${name.padEnd(15)} ${engine.model.padEnd(18)} $${(engine.pricePerMinuteUsd * 60).toFixed(2)}  (${note})`,
      );
    } catch (err) {
      console.log(`${name.padEnd(15)} not configured: ${errorMessage(err)}`);
    }
  }
}
