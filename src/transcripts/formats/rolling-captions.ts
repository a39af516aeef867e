import { collapseWhitespace, matchWords } from '../normalize.js';

export interface CaptionLines {
  lines: string[];
}

/**
 * YouTube-style rolling captions repeat the previous cue's last line(s) at the top of the next
 * cue (and sometimes grow a line word by word). True when enough cues look like that.
 */
export function isRolling(cues: CaptionLines[]): boolean {
  let repeats = 0;
  for (let i = 1; i < cues.length; i++) {
    const prev = cues[i - 1]?.lines ?? [];
    const first = key(cues[i]?.lines[0]);
    if (first !== '' && first === key(prev[prev.length - 1])) repeats++;
  }
  return repeats >= 2 && repeats >= 0.2 * (cues.length - 1);
}

/** Removes from each cue the lines (or leading words) already shown by the previous cue. */
export function dropRolledLines<T extends CaptionLines>(cues: T[]): T[] {
  const out: T[] = [];
  let prev: string[] = [];
  for (const cue of cues) {
    const lines = [...cue.lines];
    let k = Math.min(lines.length, prev.length);
    while (k > 0 && !sameLines(prev.slice(prev.length - k), lines.slice(0, k))) k--;
    lines.splice(0, k);
    const prevLast = matchWords(prev[prev.length - 1] ?? '');
    const first = lines[0];
    if (k === 0 && first !== undefined && prevLast.length > 0) lines[0] = dropWordPrefix(first, prevLast);
    prev = cue.lines;
    const kept = lines.filter((l) => l.trim() !== '');
    if (kept.length > 0) out.push({ ...cue, lines: kept });
  }
  return out;
}

function key(line: string | undefined): string {
  return collapseWhitespace(line ?? '').toLowerCase();
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => key(line) === key(b[i]));
}

// "hello world" then "hello world again": keep only "again".
function dropWordPrefix(line: string, prefix: string[]): string {
  const words = line.trim().split(/\s+/);
  if (words.length <= prefix.length) return line;
  const head = matchWords(words.slice(0, prefix.length).join(' '));
  return head.join(' ') === prefix.join(' ') ? words.slice(prefix.length).join(' ') : line;
}
