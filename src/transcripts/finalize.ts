import { createHash } from 'node:crypto';
import type { Segment, Transcript, TranscriptSource, TranscriptWord } from '../model/transcript.js';
import { transcriptInvalid } from './invalid.js';
import { collapseWhitespace, normalizeForMatch } from './normalize.js';
import { estimateSeconds } from './timecode.js';

/** A segment as a format parser found it: end may be missing, text not yet cleaned. */
export interface DraftSegment {
  start: number;
  end?: number;
  speaker?: string;
  text: string;
  words?: TranscriptWord[];
  untimed?: boolean;
}

/** Cleans, orders and completes parsed segments into a Transcript; throws when nothing usable is left. */
export function finalizeTranscript(drafts: DraftSegment[], source: TranscriptSource, language?: string): Transcript {
  const cleaned = drafts
    .map(cleanDraft)
    .filter((d): d is DraftSegment => d !== undefined)
    .sort((a, b) => a.start - b.start);
  const segments = withEnds(dropRepeats(cleaned));
  if (segments.length === 0) throw transcriptInvalid(`no text found (${source})`);
  return { segments, ...(language ? { language } : {}), source, hash: transcriptHash(segments) };
}

export function transcriptHash(segments: Segment[]): string {
  return createHash('sha256')
    .update(normalizeForMatch(segments.map((s) => s.text).join('\n')))
    .digest('hex');
}

function cleanDraft(d: DraftSegment): DraftSegment | undefined {
  const text = collapseWhitespace(d.text);
  if (text === '' || !Number.isFinite(d.start) || d.start < 0) return undefined;
  const speaker = d.speaker === undefined ? undefined : collapseWhitespace(d.speaker);
  const words = d.words?.filter((w) => Number.isFinite(w.start) && Number.isFinite(w.end) && w.text.trim() !== '');
  return {
    start: d.start,
    ...(d.end !== undefined && Number.isFinite(d.end) && d.end >= d.start ? { end: d.end } : {}),
    ...(speaker ? { speaker } : {}),
    text,
    ...(words && words.length > 0 ? { words } : {}),
    ...(d.untimed ? { untimed: true } : {}),
  };
}

// The same cue twice (same time, speaker and words) is a publishing glitch, not speech.
function dropRepeats(drafts: DraftSegment[]): DraftSegment[] {
  return drafts.filter((d, i) => {
    for (let j = i - 1; j >= 0; j--) {
      const prev = drafts[j];
      if (!prev || prev.start !== d.start) break;
      if (prev.text === d.text && prev.speaker === d.speaker) return false;
    }
    return true;
  });
}

// A missing end becomes the next later start, else an estimate from the word count.
function withEnds(drafts: DraftSegment[]): Segment[] {
  const out: Segment[] = new Array<Segment>(drafts.length);
  let laterStart: number | undefined;
  let nextGreater: number | undefined;
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i] as DraftSegment;
    if (laterStart !== undefined && laterStart > d.start) nextGreater = laterStart;
    const estimated = Math.round((d.start + estimateSeconds(d.text)) * 1000) / 1000;
    // When the next segment shares this start (whole-second stamps), the next later start is too far.
    const tied = laterStart === d.start;
    const end =
      d.end ?? (nextGreater === undefined ? estimated : tied ? Math.min(nextGreater, estimated) : nextGreater);
    out[i] = {
      start: d.start,
      end,
      ...(d.speaker ? { speaker: d.speaker } : {}),
      text: d.text,
      ...(d.words ? { words: d.words } : {}),
      ...(d.untimed ? { untimed: true } : {}),
    };
    laterStart = d.start;
  }
  return out;
}
