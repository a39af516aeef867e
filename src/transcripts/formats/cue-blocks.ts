import { parseClock } from '../timecode.js';

/** One SRT/VTT cue: parsed times and its raw text lines. */
export interface RawCue {
  start: number;
  end: number;
  lines: string[];
}

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)/;
const NON_CUE_BLOCK = /^(?:WEBVTT|NOTE|STYLE|REGION)(?:\s|$)/;

/**
 * Reads the cues of an SRT or WebVTT file by blocks (runs of non-blank lines). Lines before a
 * timing line are identifiers; NOTE/STYLE/REGION and header blocks are skipped; a cue whose
 * times do not parse (e.g. `99:99:99`) is dropped; text after a stray blank line inside a cue
 * is kept with that cue.
 */
export function readCues(text: string): RawCue[] {
  const cues: RawCue[] = [];
  let last: RawCue | undefined;
  for (const block of blocksOf(text)) {
    if (!block.some((l) => TIMING.test(l))) {
      if (last && !NON_CUE_BLOCK.test(block[0] ?? '') && !isIdentifier(block)) last.lines.push(...block);
      continue;
    }
    let current: RawCue | undefined;
    let skipping = false;
    for (const line of block) {
      const m = TIMING.exec(line);
      if (m) {
        if (current) dropTrailingIdentifier(current);
        const start = parseClock(m[1] ?? '');
        const end = parseClock(m[2] ?? '');
        skipping = start === undefined || end === undefined;
        current = skipping ? undefined : { start: start as number, end: end as number, lines: [] };
        if (current) cues.push(current);
        last = current;
      } else if (current && !skipping) {
        current.lines.push(line);
      }
    }
  }
  return cues;
}

function blocksOf(text: string): string[][] {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push(line);
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

// An SRT cue number left over when two cues are not separated by a blank line.
function dropTrailingIdentifier(cue: RawCue): void {
  const lastLine = cue.lines[cue.lines.length - 1];
  if (lastLine !== undefined && /^\s*\d+\s*$/.test(lastLine)) cue.lines.pop();
}

function isIdentifier(block: string[]): boolean {
  return block.length === 1 && /^\s*\d+\s*$/.test(block[0] ?? '');
}
