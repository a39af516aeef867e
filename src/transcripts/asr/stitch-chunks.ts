import type { AudioChunk } from '../audio/chunk-plan.js';
import { normalizeForMatch } from '../normalize.js';
import type { AsrSegment } from './types.js';

export interface ChunkSegments {
  chunk: AudioChunk;
  /** Times relative to the chunk's start. */
  segments: AsrSegment[];
}

/**
 * Puts chunk transcripts back on the episode's clock. In each overlap the earlier chunk keeps what
 * is centred before the overlap's middle and the later one the rest; a later line lying wholly
 * inside the time of the line before it, or repeating it word for word at about the same time,
 * was heard twice and is dropped. The result is ordered, never overlaps, and stays inside the audio.
 */
export function stitchChunks(parts: ChunkSegments[], totalSeconds: number): AsrSegment[] {
  const ordered = [...parts].sort((a, b) => a.chunk.start - b.chunk.start);
  const kept: AsrSegment[] = [];
  ordered.forEach((part, i) => {
    const prev = ordered[i - 1];
    const next = ordered[i + 1];
    const from = prev ? (part.chunk.start + prev.chunk.end) / 2 : -Infinity;
    const to = next ? (next.chunk.start + part.chunk.end) / 2 : Infinity;
    for (const s of part.segments) {
      const start = part.chunk.start + s.start;
      const end = Math.min(part.chunk.start + Math.max(s.end, s.start), part.chunk.end);
      const middle = (start + end) / 2;
      if (middle < from || middle >= to) continue;
      kept.push({ ...s, start: round(start), end: round(end) });
    }
  });
  return monotonic(
    kept.sort((a, b) => a.start - b.start),
    totalSeconds,
  );
}

function monotonic(segments: AsrSegment[], totalSeconds: number): AsrSegment[] {
  const out: AsrSegment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (
      last &&
      (s.end <= last.end || (mostlyOverlapping(last, s) && normalizeForMatch(last.text) === normalizeForMatch(s.text)))
    )
      continue;
    const start = Math.min(Math.max(s.start, last?.end ?? 0), totalSeconds);
    const end = Math.min(Math.max(s.end, start), totalSeconds);
    if (end <= start && start >= totalSeconds) continue;
    out.push({ ...s, start, end });
  }
  return out;
}

/** Two chunks' copies of one line sit at about the same time; a repeated phrase later on does not. */
function mostlyOverlapping(a: AsrSegment, b: AsrSegment): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared > 0.5 * Math.min(a.end - a.start, b.end - b.start);
}

function round(s: number): number {
  return Math.round(s * 1000) / 1000;
}
