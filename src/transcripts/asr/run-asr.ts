import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, errorMessage } from '../../model/errors.js';
import type { Transcript } from '../../model/transcript.js';
import type { DownloadOptions } from '../../net/index.js';
import { planChunks, secondsUnderLimit } from '../audio/chunk-plan.js';
import { WAV_BYTES_PER_SECOND, decodeToWav } from '../audio/decode-audio.js';
import { probeAudio } from '../audio/probe-audio.js';
import { readWavInfo, type WavInfo } from '../audio/wav.js';
import { finalizeTranscript } from '../finalize.js';
import { chunkCache } from './chunk-cache.js';
import { fetchAudio } from './fetch-audio.js';
import { ASR_LEFTOVERS_MAX_AGE_MS, pruneOlderThan } from './prune-old.js';
import { assessQuality } from './quality-gate.js';
import { stitchChunks, type ChunkSegments } from './stitch-chunks.js';
import { transcribeSpan, type ChunkCost, type SpanContext } from './transcribe-span.js';
import type { Transcriber } from './types.js';

export type { ChunkCost };

export type AsrProgress =
  | { stage: 'download'; bytes: number; totalBytes?: number }
  | { stage: 'decode' }
  | { stage: 'transcribe'; engine: string; done: number; total: number };

export interface AsrRunOptions {
  /** The ladder: tried in order until one gives a transcript that passes the quality gate. */
  engines: Transcriber[];
  /** Working folder for downloads, decoded audio and the per-chunk cache (e.g. DATA_DIR/asr). */
  workDir: string;
  ffmpegPath?: string;
  ffprobePath?: string;
  maxAudioBytes: number;
  maxDurationSeconds: number;
  chunkSeconds: number;
  overlapSeconds: number;
  /** What the feed declares (itunes:duration): checked before anything is downloaded. */
  declaredDurationSeconds?: number;
  language?: string;
  download?: DownloadOptions;
  /** Asked before each chunk an engine charges for; throw to stop (the daily budget). */
  beforePaidChunk?: (cost: ChunkCost) => Promise<void>;
  /** Told after each chunk an engine charged for, as soon as its result is safe on disk. */
  onPaidChunk?: (cost: ChunkCost) => Promise<void>;
  onProgress?: (p: AsrProgress) => void;
  signal?: AbortSignal;
}

export interface AsrResult {
  transcript: Transcript;
  engine: Transcriber['name'];
  model: string;
  audioSeconds: number;
  audioHash: string;
  /** Spent in this run (chunks taken from the cache cost nothing again). */
  costUsd: number;
  paidChunks: number;
  cachedChunks: number;
  /** Engines tried before the one that worked, each with why it was not used. */
  failures: string[];
}

/**
 * Audio file or URL → normalized transcript: download (capped, resumable), duration checks,
 * ffmpeg decode to 16 kHz mono, overlapping chunks under each engine's upload limit, per-chunk
 * cache (never paid twice), stitching, quality gate, next engine on failure.
 */
export async function runAsr(source: string, o: AsrRunOptions): Promise<AsrResult> {
  if (o.engines.length === 0)
    throw new AppError('asr_not_configured', 'no speech-to-text engine is configured (ASR_ENGINE=none)');
  if (o.declaredDurationSeconds !== undefined && o.declaredDurationSeconds > o.maxDurationSeconds)
    throw tooLong(o.declaredDurationSeconds, o.maxDurationSeconds, 'the feed declares');
  const audioDir = join(o.workDir, 'audio');
  const tmpDir = join(o.workDir, 'tmp');
  await mkdir(audioDir, { recursive: true });
  await mkdir(tmpDir, { recursive: true });
  for (const dir of [audioDir, tmpDir, join(o.workDir, 'cache')]) await pruneOlderThan(dir, ASR_LEFTOVERS_MAX_AGE_MS);
  const audio = await fetchAudio(source, {
    dir: audioDir,
    maxBytes: o.maxAudioBytes,
    ...(o.download && { download: o.download }),
    onProgress: (bytes, totalBytes) =>
      o.onProgress?.({ stage: 'download', bytes, ...(totalBytes !== undefined && { totalBytes }) }),
  });
  const wavPath = join(tmpDir, `${audio.sha256}.wav`);
  try {
    const probe = await probeAudio(audio.path, o.ffprobePath);
    if (probe.durationSeconds > o.maxDurationSeconds)
      throw tooLong(probe.durationSeconds, o.maxDurationSeconds, 'ffprobe measures');
    if (!existsSync(wavPath)) {
      o.onProgress?.({ stage: 'decode' });
      await decodeToWav(audio.path, wavPath, o.ffmpegPath, o.signal ? { signal: o.signal } : {});
    }
    const wav = await readWavInfo(wavPath);
    const failures: string[] = [];
    for (const engine of o.engines) {
      try {
        return { ...(await withEngine(engine, audio.sha256, wavPath, wav, tmpDir, o)), failures };
      } catch (err) {
        failures.push(`${engine.name}: ${errorMessage(err)}`);
      }
    }
    throw new AppError('asr_failed', `speech-to-text failed (${failures.join('; ')})`);
  } finally {
    await rm(wavPath, { force: true });
    if (audio.downloaded) await rm(audio.path, { force: true });
  }
}

async function withEngine(
  engine: Transcriber,
  audioHash: string,
  wavPath: string,
  wav: WavInfo,
  tmpDir: string,
  o: AsrRunOptions,
): Promise<Omit<AsrResult, 'failures'>> {
  const limit = engine.maxUploadBytes ? secondsUnderLimit(engine.maxUploadBytes, WAV_BYTES_PER_SECOND) : Infinity;
  const chunks = planChunks(wav.durationSeconds, {
    maxChunkSeconds: Math.min(o.chunkSeconds, limit),
    overlapSeconds: o.overlapSeconds,
  });
  const ctx: SpanContext = {
    engine,
    cache: chunkCache(join(o.workDir, 'cache')),
    audioHash,
    wavPath,
    wav,
    tmpDir,
    overlapSeconds: o.overlapSeconds,
    counts: { paid: 0, cached: 0, costUsd: 0 },
    ...(o.language && { language: o.language }),
    ...(o.signal && { signal: o.signal }),
    ...(o.beforePaidChunk && { beforePaidChunk: o.beforePaidChunk }),
    ...(o.onPaidChunk && { onPaidChunk: o.onPaidChunk }),
  };
  const parts: ChunkSegments[] = [];
  o.onProgress?.({ stage: 'transcribe', engine: engine.name, done: 0, total: chunks.length });
  for (const chunk of chunks) {
    parts.push({ chunk, segments: await transcribeSpan(chunk, ctx) });
    o.onProgress?.({ stage: 'transcribe', engine: engine.name, done: parts.length, total: chunks.length });
  }
  const segments = stitchChunks(parts, wav.durationSeconds);
  const language = o.language ?? ctx.counts.language;
  const verdict = assessQuality(segments, language);
  if (!verdict.ok) throw new AppError('asr_low_quality', `transcript not used: ${verdict.reason}`);
  const transcript = finalizeTranscript(
    segments.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    `asr:${engine.name}`,
    language,
  );
  return {
    transcript,
    engine: engine.name,
    model: engine.model,
    audioSeconds: wav.durationSeconds,
    audioHash,
    costUsd: ctx.counts.costUsd,
    paidChunks: ctx.counts.paid,
    cachedChunks: ctx.counts.cached,
  };
}

function tooLong(seconds: number, max: number, how: string): AppError {
  return new AppError(
    'audio_too_long',
    `${how} ${Math.round(seconds / 60)} min of audio, more than ASR_MAX_DURATION_MINUTES (${Math.round(max / 60)})`,
  );
}
