export interface AudioChunk {
  index: number;
  /** Seconds from the start of the episode. */
  start: number;
  end: number;
}

export interface ChunkPlanOptions {
  /** Longest chunk, e.g. 600 s, or less when an upload limit demands. */
  maxChunkSeconds: number;
  overlapSeconds: number;
}

/**
 * Equal chunks of at most maxChunkSeconds covering [0, duration], each overlapping the previous by
 * overlapSeconds so a word cut at one boundary is whole in the neighbour. Equal lengths avoid a
 * last sliver of a few seconds that engines transcribe badly.
 */
export function planChunks(durationSeconds: number, opts: ChunkPlanOptions): AudioChunk[] {
  const max = Math.max(1, opts.maxChunkSeconds);
  const overlap = Math.min(Math.max(0, opts.overlapSeconds), max / 4);
  if (durationSeconds <= max) return [{ index: 0, start: 0, end: durationSeconds }];
  const count = Math.ceil((durationSeconds - overlap) / (max - overlap));
  const length = (durationSeconds + (count - 1) * overlap) / count;
  const chunks: AudioChunk[] = [];
  for (let i = 0; i < count; i++) {
    const start = round(i * (length - overlap));
    const end = i === count - 1 ? durationSeconds : round(start + length);
    chunks.push({ index: i, start, end });
  }
  return chunks;
}

/** The longest chunk whose WAV stays under an upload limit (with room for the multipart envelope). */
export function secondsUnderLimit(limitBytes: number, bytesPerSecond: number): number {
  const envelope = 64 * 1024;
  return Math.max(1, Math.floor((limitBytes - envelope) / bytesPerSecond));
}

function round(s: number): number {
  return Math.round(s * 1000) / 1000;
}
