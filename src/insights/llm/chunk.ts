import type { TranscriptLine } from './transcript-lines.js';

export interface Chunk {
  lines: TranscriptLine[];
  /** Segment range the chunk covers, inclusive: quotes are looked for there. */
  firstSegment: number;
  lastSegment: number;
  chars: number;
}

/** Tokens ≈ characters / 4: close enough for English and every tokenizer we send to. */
export const CHARS_PER_TOKEN = 4;

export function estimateTokens(chars: number): number {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

/**
 * Consecutive lines of at most `maxTokens` each; every chunk after the first repeats the tail
 * of the previous one (about `overlap` of its size) so an insight on a boundary is seen whole.
 */
export function chunkLines(lines: TranscriptLine[], maxTokens: number, overlap = 0.1): Chunk[] {
  const maxChars = maxTokens * CHARS_PER_TOKEN;
  const overlapChars = Math.floor(maxChars * overlap);
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < lines.length) {
    let end = start;
    let chars = 0;
    while (end < lines.length && (end === start || chars + size(lines[end]) <= maxChars)) {
      chars += size(lines[end]);
      end += 1;
    }
    const taken = lines.slice(start, end);
    chunks.push({
      lines: taken,
      firstSegment: taken[0]?.segment ?? 0,
      lastSegment: taken[taken.length - 1]?.segment ?? 0,
      chars,
    });
    if (end >= lines.length) break;
    start = Math.max(start + 1, overlapStart(lines, end, overlapChars));
  }
  return chunks;
}

/** The first line of the tail before `end` that fits in `overlapChars`. */
function overlapStart(lines: TranscriptLine[], end: number, overlapChars: number): number {
  let start = end;
  let chars = 0;
  while (start > 0 && chars + size(lines[start - 1]) <= overlapChars) {
    start -= 1;
    chars += size(lines[start]);
  }
  return start;
}

function size(line: TranscriptLine | undefined): number {
  return (line?.text.length ?? 0) + 1;
}
