import type { DraftSegment } from '../finalize.js';
import { parseTimedLines } from './timed-lines.js';

/** Plain text: `HH:MM:SS text` / `[00:01:02]` stamps and `Name:` speakers when present, else paragraphs. */
export function parsePlainText(text: string): DraftSegment[] {
  return parseTimedLines(text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/));
}
