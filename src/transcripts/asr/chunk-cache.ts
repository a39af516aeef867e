import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AudioChunk } from '../audio/chunk-plan.js';
import type { AsrEngineName, AsrSegment } from './types.js';

/** What one engine said about one chunk, and what it cost: written once, never paid for again. */
export interface CachedChunk {
  engine: AsrEngineName;
  model: string;
  chunk: AudioChunk;
  /** Times relative to the chunk's start. */
  segments: AsrSegment[];
  language?: string;
  costUsd: number;
  createdAt: string;
}

export interface ChunkKey {
  audioHash: string;
  engine: AsrEngineName;
  model: string;
  chunk: AudioChunk;
}

/**
 * Per-chunk results on disk under `<dir>/<audio sha256>/`, keyed by engine, model, chunk index and
 * bounds, so a run that crashed after paying for some chunks resumes at the first unpaid one.
 */
export function chunkCache(dir: string) {
  const pathOf = (key: ChunkKey): string => {
    const model = key.model.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
    const { index, start, end } = key.chunk;
    return join(
      dir,
      key.audioHash,
      `${key.engine}-${model}-${index}-${Math.round(start * 1000)}-${Math.round(end * 1000)}.json`,
    );
  };
  return {
    async get(key: ChunkKey): Promise<CachedChunk | undefined> {
      try {
        const value = JSON.parse(await readFile(pathOf(key), 'utf8')) as CachedChunk;
        return Array.isArray(value.segments) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    async put(key: ChunkKey, value: CachedChunk): Promise<void> {
      const path = pathOf(key);
      await mkdir(join(dir, key.audioHash), { recursive: true });
      await writeFile(`${path}.tmp`, JSON.stringify(value));
      await rename(`${path}.tmp`, path);
    },
  };
}

export type ChunkCache = ReturnType<typeof chunkCache>;
