import type { Segment, Transcript } from '../../model/transcript.js';

/** A run of consecutive segments by one speaker (or all unlabelled segments in a row). */
interface Turn {
  speaker?: string;
  charStart: number;
  charEnd: number;
}

export interface SegmentSpan {
  index: number;
  charStart: number;
  charEnd: number;
}

/** The transcript laid out as one text: segments joined by a space, turns by a blank line. */
export interface Layout {
  text: string;
  turns: Turn[];
  spans: SegmentSpan[];
  segments: Segment[];
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function layoutTranscript(transcript: Transcript): Layout {
  const parts: string[] = [];
  const turns: Turn[] = [];
  const spans: SegmentSpan[] = [];
  let pos = 0;
  let current: Turn | undefined;
  transcript.segments.forEach((segment, index) => {
    const text = squash(segment.text);
    if (!text) return;
    if (!current || current.speaker !== segment.speaker) {
      if (current) {
        parts.push('\n\n');
        pos += 2;
      }
      current = { charStart: pos, charEnd: pos, ...(segment.speaker ? { speaker: segment.speaker } : {}) };
      turns.push(current);
    } else {
      parts.push(' ');
      pos += 1;
    }
    parts.push(text);
    spans.push({ index, charStart: pos, charEnd: pos + text.length });
    pos += text.length;
    current.charEnd = pos;
  });
  return { text: parts.join(''), turns, spans, segments: transcript.segments };
}

/** Index into `spans` of the segment holding char `offset` (or the last one before it). */
export function spanAt(spans: SegmentSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((spans[mid]?.charStart ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
