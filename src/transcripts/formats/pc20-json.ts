import { z } from 'zod';
import type { DraftSegment } from '../finalize.js';
import { transcriptInvalid } from '../invalid.js';
import { speakerName } from '../speaker-label.js';
import { parseClock } from '../timecode.js';
import { isWordLevel, mergeWords, type TimedWord } from './word-level.js';

const time = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const t = typeof v === 'number' ? v : parseClock(v, { bareSeconds: true });
  if (t === undefined || !Number.isFinite(t) || t < 0) {
    ctx.addIssue({ code: 'custom', message: 'bad time' });
    return z.NEVER;
  }
  return t;
});

const item = z.object({
  startTime: time,
  endTime: time.optional().catch(undefined),
  body: z.string(),
  speaker: z.string().optional().catch(undefined),
});

const transcriptDoc = z.union([
  z.object({ segments: z.array(z.unknown()), language: z.string().optional().catch(undefined) }),
  z.array(z.unknown()),
]);

export interface JsonResult {
  segments: DraftSegment[];
  language?: string;
}

/**
 * Podcasting 2.0 transcript JSON. Items that are not `{startTime, body}` are skipped; lines of
 * one cue published as separate items with the same times are joined; word-level files (one
 * word per item) become sentence-sized segments that keep their words.
 */
export function parsePc20Json(text: string): JsonResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw transcriptInvalid(`JSON does not parse (${err instanceof Error ? err.message : String(err)})`);
  }
  const doc = transcriptDoc.safeParse(raw);
  if (!doc.success) throw transcriptInvalid('JSON has no "segments" array');
  const list = Array.isArray(doc.data) ? doc.data : doc.data.segments;
  const language = Array.isArray(doc.data) ? undefined : doc.data.language;
  const words: TimedWord[] = [];
  for (const entry of list) {
    const parsed = item.safeParse(entry);
    if (!parsed.success) continue;
    const { startTime, endTime, body, speaker } = parsed.data;
    const name = speakerName(speaker);
    words.push({
      start: startTime,
      ...(endTime !== undefined ? { end: endTime } : {}),
      text: body,
      ...(name ? { speaker: name } : {}),
    });
  }
  const segments = isWordLevel(words) ? mergeWords(words) : joinCueLines(words);
  return { segments, ...(language ? { language } : {}) };
}

function joinCueLines(items: TimedWord[]): DraftSegment[] {
  const out: DraftSegment[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (prev && prev.start === it.start && prev.end === it.end && prev.speaker === it.speaker) {
      prev.text = `${prev.text} ${it.text}`;
    } else {
      out.push({ ...it });
    }
  }
  return out;
}
