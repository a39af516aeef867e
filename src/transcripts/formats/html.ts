import type { DraftSegment } from '../finalize.js';
import { speakerName } from '../speaker-label.js';
import { parseClock } from '../timecode.js';
import { htmlBlocks, type HtmlBlock } from './html-blocks.js';
import { parseTimedLines } from './timed-lines.js';

export interface HtmlResult {
  segments: DraftSegment[];
  language?: string;
}

/**
 * HTML transcripts. Buzzsprout's `<cite>Speaker:</cite><time>0:00</time><p>text</p>` turns
 * map directly; other HTML is reduced to visible text blocks and read as plain text.
 */
export function parseHtml(html: string): HtmlResult {
  const { blocks, language } = htmlBlocks(html);
  const lang = language ? { language } : {};
  const timed = blocks.some((b) => b.kind === 'time' && parseClock(b.text, { bareSeconds: true }) !== undefined);
  if (timed) return { segments: citeTimeSegments(blocks), ...lang };
  const lines = blocks.flatMap((b) => (b.kind === 'cite' ? [`${b.text.replace(/:\s*$/, '')}:`] : [b.text, '']));
  return { segments: parseTimedLines(lines), ...lang };
}

function citeTimeSegments(blocks: HtmlBlock[]): DraftSegment[] {
  const out: DraftSegment[] = [];
  let speaker: string | undefined;
  let start = 0;
  let fresh = false;
  let cur: DraftSegment | undefined;
  for (const b of blocks) {
    if (b.kind === 'cite') {
      speaker = speakerName(b.text);
      cur = undefined;
    } else if (b.kind === 'time') {
      const t = parseClock(b.text, { bareSeconds: true });
      if (t !== undefined) [start, fresh] = [t, true];
      cur = undefined;
    } else if (cur) {
      cur.text += `\n${b.text}`;
    } else {
      // A turn without its own <time> starts no later than the last time seen; its time is a guess.
      cur = { start, ...(speaker ? { speaker } : {}), text: b.text, ...(fresh ? {} : { untimed: true }) };
      fresh = false;
      out.push(cur);
    }
  }
  return out;
}
