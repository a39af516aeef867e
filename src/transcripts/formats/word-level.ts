import type { TranscriptWord } from '../../model/transcript.js';
import type { DraftSegment } from '../finalize.js';

export interface TimedWord {
  start: number;
  end?: number;
  text: string;
  speaker?: string;
}

const MAX_WORDS = 60;
const MAX_GAP_SECONDS = 2;

/** Most items hold a single word: the file is word-level. */
export function isWordLevel(items: TimedWord[]): boolean {
  if (items.length < 5) return items.length > 0 && items.every((w) => wordCount(w.text) <= 1);
  const single = items.filter((w) => wordCount(w.text) <= 1).length;
  return single / items.length >= 0.8;
}

/**
 * Joins word items into sentence-ish segments: a new segment starts when the speaker
 * changes, after sentence-ending punctuation, after a pause, or past MAX_WORDS.
 */
export function mergeWords(items: TimedWord[]): DraftSegment[] {
  const ordered = [...items].sort((a, b) => a.start - b.start);
  const out: DraftSegment[] = [];
  let words: TranscriptWord[] = [];
  let speaker: string | undefined;
  const flush = (): void => {
    const first = words[0];
    const last = words[words.length - 1];
    if (first && last) {
      out.push({
        start: first.start,
        end: last.end,
        ...(speaker ? { speaker } : {}),
        text: words.map((w) => w.text).join(' '),
        words,
      });
    }
    words = [];
  };
  for (const item of ordered) {
    const text = item.text.trim();
    if (text === '') continue;
    const prev = words[words.length - 1];
    if (prev && (item.speaker !== speaker || item.start - prev.end > MAX_GAP_SECONDS || words.length >= MAX_WORDS))
      flush();
    speaker = item.speaker;
    words.push({ start: item.start, end: Math.max(item.start, item.end ?? item.start), text });
    if (/[.!?…]["'”’)\]]*$/.test(text)) flush();
  }
  flush();
  return out;
}

function wordCount(text: string): number {
  return text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '').length;
}
