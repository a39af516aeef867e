/**
 * Child process of the in-process engine: loads @napi-rs/whisper, transcribes one WAV, answers
 * over IPC and exits. whisper.cpp's full() blocks, a native assertion aborts the whole process and
 * it can stall, so none of that may happen in Podbrief's own process.
 */
import { createRequire } from 'node:module';
import { readWavSamples } from '../audio/wav.js';

export interface WhisperJob {
  modelPath: string;
  wavPath: string;
  threads: number;
  language?: string;
}

export type WhisperReply =
  | { type: 'result'; segments: { start: number; end: number; text: string }[]; language?: string }
  | { type: 'error'; code: string; message: string };

type Binding = typeof import('@napi-rs/whisper');

async function run(job: WhisperJob): Promise<WhisperReply> {
  let binding: Binding;
  try {
    binding = createRequire(import.meta.url)('@napi-rs/whisper') as Binding;
  } catch (err) {
    return {
      type: 'error',
      code: 'whisper_unavailable',
      message: `@napi-rs/whisper could not be loaded on ${process.platform}-${process.arch}: ${(err as Error).message}`,
    };
  }
  const { Whisper, WhisperFullParams, WhisperSamplingStrategy } = binding;
  let whisper: InstanceType<Binding['Whisper']>;
  try {
    whisper = new Whisper(job.modelPath);
  } catch (err) {
    return {
      type: 'error',
      code: 'whisper_model_invalid',
      message: `cannot load ggml model ${job.modelPath}: ${(err as Error).message}`,
    };
  }
  const samples = await readWavSamples(job.wavPath);
  const params = new WhisperFullParams(WhisperSamplingStrategy.Greedy);
  params.nThreads = job.threads;
  params.language = whisper.isMultilingual ? (job.language ?? 'auto') : 'en';
  params.printProgress = false;
  params.printRealtime = false;
  const segments: { start: number; end: number; text: string }[] = [];
  params.onNewSegment = (s) => segments.push({ start: s.start / 100, end: s.end / 100, text: s.text });
  const text = whisper.full(params, samples);
  // The segment callbacks are queued while full() blocks and arrive after it returns, later on a
  // busy machine: wait until they add up to the text full() returned, so no segment is lost.
  if (!(await segmentsArrived(segments, text))) {
    return {
      type: 'error',
      code: 'whisper_failed',
      message: `whisper.cpp returned ${text.length} characters but its segments did not all arrive`,
    };
  }
  const language = langOf(binding, whisper.fullLangId);
  return { type: 'result', segments, ...(language && { language }) };
}

const SEGMENTS_DEADLINE_MS = 10_000;

async function segmentsArrived(segments: { text: string }[], text: string): Promise<boolean> {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const expected = squash(text);
  const deadline = Date.now() + SEGMENTS_DEADLINE_MS;
  while (squash(segments.map((s) => s.text).join('')) !== expected) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

function langOf(binding: Binding, id: number): string | undefined {
  try {
    return binding.Whisper.lang(id) ?? undefined;
  } catch {
    return undefined;
  }
}

process.once('message', (job: WhisperJob) => {
  run(job)
    .catch(
      (err: unknown): WhisperReply => ({
        type: 'error',
        code: 'whisper_failed',
        message: (err as Error).message ?? String(err),
      }),
    )
    .then((reply) => process.send?.(reply, () => process.exit(0)));
});
