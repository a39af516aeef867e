import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../model/errors.js';
import type { AudioChunk } from '../audio/chunk-plan.js';
import { writeWavSlice, type WavInfo } from '../audio/wav.js';
import type { ChunkCache } from './chunk-cache.js';
import { stitchChunks } from './stitch-chunks.js';
import type { AsrSegment, Transcriber } from './types.js';

export interface ChunkCost {
  engine: Transcriber['name'];
  model: string;
  audioHash: string;
  chunkIndex: number;
  audioSeconds: number;
  costUsd: number;
}

export interface SpanContext {
  engine: Transcriber;
  cache: ChunkCache;
  audioHash: string;
  wavPath: string;
  wav: WavInfo;
  tmpDir: string;
  overlapSeconds: number;
  language?: string;
  signal?: AbortSignal;
  beforePaidChunk?: (cost: ChunkCost) => Promise<void>;
  onPaidChunk?: (cost: ChunkCost) => Promise<void>;
  counts: { paid: number; cached: number; costUsd: number; language?: string };
}

const MIN_SPLIT_SECONDS = 2;

/**
 * One chunk through one engine, relative to the chunk's start: from the cache when it was already
 * paid for; else cut, sent, cached at once, and recorded. An upload the server calls too large is
 * split in two overlapping halves (recursively) instead of failing the episode.
 */
export async function transcribeSpan(span: AudioChunk, c: SpanContext): Promise<AsrSegment[]> {
  const key = { audioHash: c.audioHash, engine: c.engine.name, model: c.engine.model, chunk: span };
  const cached = await c.cache.get(key);
  if (cached) {
    c.counts.cached++;
    c.counts.language ??= cached.language;
    return cached.segments;
  }
  const seconds = span.end - span.start;
  const cost: ChunkCost = {
    engine: c.engine.name,
    model: c.engine.model,
    audioHash: c.audioHash,
    chunkIndex: span.index,
    audioSeconds: seconds,
    costUsd: (seconds / 60) * c.engine.pricePerMinuteUsd,
  };
  if (cost.costUsd > 0) await c.beforePaidChunk?.(cost);
  const slice = join(
    c.tmpDir,
    `${c.audioHash.slice(0, 16)}-${span.index}-${Math.round(span.start * 1000)}-${Math.round(span.end * 1000)}.wav`,
  );
  let result;
  try {
    await writeWavSlice(c.wavPath, c.wav, span.start, span.end, slice);
    result = await c.engine.transcribe(
      { path: slice, durationSeconds: seconds },
      { ...(c.language && { language: c.language }), ...(c.signal && { signal: c.signal }) },
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'asr_upload_too_large' && seconds / 2 >= MIN_SPLIT_SECONDS)
      return await splitSpan(span, c);
    throw err;
  } finally {
    await rm(slice, { force: true });
  }
  await c.cache.put(key, {
    engine: c.engine.name,
    model: c.engine.model,
    chunk: span,
    segments: result.segments,
    ...(result.language && { language: result.language }),
    costUsd: cost.costUsd,
    createdAt: new Date().toISOString(),
  });
  c.counts.paid++;
  c.counts.costUsd += cost.costUsd;
  c.counts.language ??= result.language;
  if (cost.costUsd > 0) await c.onPaidChunk?.(cost);
  return result.segments;
}

async function splitSpan(span: AudioChunk, c: SpanContext): Promise<AsrSegment[]> {
  const middle = (span.start + span.end) / 2;
  const half = c.overlapSeconds / 2;
  const halves: AudioChunk[] = [
    { index: span.index, start: span.start, end: Math.min(span.end, middle + half) },
    { index: span.index, start: Math.max(span.start, middle - half), end: span.end },
  ];
  const parts = [];
  for (const h of halves)
    parts.push({
      chunk: { ...h, start: h.start - span.start, end: h.end - span.start },
      segments: await transcribeSpan(h, c),
    });
  return stitchChunks(parts, span.end - span.start);
}
