import type { Segment } from '../../model/transcript.js';
import { collapseWhitespace } from '../../transcripts/normalize.js';

/** One line of the transcript as the model sees it, with the segment it comes from. */
export interface TranscriptLine {
  segment: number;
  text: string;
}

/**
 * `[12] (00:03:15) Speaker: text`, one per segment; a segment longer than `maxChars` is split
 * into several lines with the same number. Whitespace is collapsed so a segment cannot forge
 * lines of its own.
 */
export function transcriptLines(segments: Segment[], maxChars: number): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  segments.forEach((s, n) => {
    const text = collapseWhitespace(s.text);
    if (text === '') return;
    const time = s.untimed ? '' : ` (${hms(s.start)})`;
    const speaker = s.speaker ? ` ${collapseWhitespace(s.speaker)}:` : '';
    const prefix = `[${n}]${time}${speaker} `;
    for (const piece of splitWords(text, Math.max(200, maxChars - prefix.length))) {
      lines.push({ segment: n, text: prefix + piece });
    }
  });
  return lines;
}

function splitWords(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const cut = rest.lastIndexOf(' ', maxChars);
    const at = cut > maxChars / 2 ? cut : maxChars;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

export function hms(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
