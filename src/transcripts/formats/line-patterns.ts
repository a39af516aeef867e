import { parseClock } from '../timecode.js';

const TS = String.raw`\d{1,3}(?::\d{1,2}){1,2}(?:[.,]\d+)?`;
const NAME = String.raw`[^\s()\[\]:\d][^()\[\]:]{0,59}?`;

/** `Name (00:00):`, `(02:10):`, `[00:01:02]`, or Otter's `Speaker 1  0:03` on a line of its own. */
const HEADER = new RegExp(String.raw`^(?:(${NAME})\s*)?[(\[](${TS})[)\]]\s*:?$|^(${NAME})(?:\s{2,}|\t)(${TS})$`);
/** `Name (00:01): text` on one line. */
const NAMED_STAMP = new RegExp(String.raw`^(${NAME})\s*[(\[](${TS})[)\]]\s*:?\s+(\S.*)$`);
/** `00:00:27 text`, `[00:00:08] ANNOUNCER: text`, `[0:19:19.6]:19.3] NNL: text` (garbled stamp tail). */
const STAMP = new RegExp(String.raw`^[(\[]?(${TS})[)\]]?(?:[\d:.]*\])?\s*[-–—|:]?\s+(\S.*)$`);
/** Section markers of produced transcripts: `[INTRODUCTION]`, `[END OF EPISODE]`, `EPISODE 01`. */
const MARKER = /^\[[A-Z][A-Z .'-]*\]$|^EPISODE\s+\d+$/;

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'marker' }
  | { kind: 'header'; start: number; name?: string }
  | { kind: 'stamp'; start: number; name?: string; text: string }
  | { kind: 'text'; text: string };

/** Classifies one line of a plain-text or Markdown transcript. Bad times (`99:99:99`) fall back to text. */
export function classifyLine(raw: string): LineKind {
  const line = raw.trim();
  if (line === '') return { kind: 'blank' };
  if (MARKER.test(line)) return { kind: 'marker' };
  const h = HEADER.exec(line);
  if (h) {
    const start = parseClock(h[2] ?? h[4] ?? '');
    const name = (h[1] ?? h[3])?.trim();
    if (start !== undefined && wordCount(name) <= 6) return { kind: 'header', start, ...(name ? { name } : {}) };
  }
  const n = NAMED_STAMP.exec(line);
  if (n && wordCount(n[1]) <= 6) {
    const start = parseClock(n[2] ?? '');
    if (start !== undefined) return { kind: 'stamp', start, name: (n[1] ?? '').trim(), text: n[3] ?? '' };
  }
  const s = STAMP.exec(line);
  if (s) {
    const start = parseClock(s[1] ?? '');
    if (start !== undefined) return { kind: 'stamp', start, text: s[2] ?? '' };
  }
  return { kind: 'text', text: line };
}

function wordCount(text: string | undefined): number {
  return text === undefined ? 0 : text.trim().split(/\s+/).length;
}
