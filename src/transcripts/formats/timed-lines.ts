import type { DraftSegment } from '../finalize.js';
import { speakerName, splitSpeakerLabel } from '../speaker-label.js';
import { estimateSeconds } from '../timecode.js';
import { classifyLine, type LineKind } from './line-patterns.js';

/**
 * Line-based transcripts (plain text, Markdown, HTML without `<time>`): timestamped lines or
 * `Name (mm:ss):` headers start segments; unstamped paragraphs continue the current one.
 * A document with no timestamps becomes paragraph segments with times estimated at 150
 * words per minute, every one marked `untimed`.
 */
export function parseTimedLines(lines: string[]): DraftSegment[] {
  const kinds = lines.map(classifyLine);
  const timed = kinds.filter((k) => k.kind === 'header' || k.kind === 'stamp').length >= 2;
  const labels = knownLabels(kinds);
  return timed ? timedSegments(kinds, labels) : untimedSegments(kinds, lines, labels);
}

interface Labels {
  /** `Name: text` speakers, accepted only when some name repeats, so a lone "Note: ..." is not one. */
  names: Set<string>;
  /** Labels seen after timestamps; lets `[0:04:53.6] NL Yeah` (colon lost) keep its speaker. */
  initials: Set<string>;
}

function knownLabels(kinds: LineKind[]): Labels {
  const counts = new Map<string, number>();
  const initials = new Set<string>();
  for (const k of kinds) {
    if (k.kind !== 'text' && k.kind !== 'stamp') continue;
    const split = splitSpeakerLabel(k.text);
    if (!split.labelled || !split.speaker) continue;
    counts.set(split.speaker, (counts.get(split.speaker) ?? 0) + 1);
    if (k.kind === 'stamp' && /^[A-Z]{1,4}$/.test(split.speaker)) initials.add(split.speaker);
  }
  // Once some name repeats, the document uses labels, and a speaker heard once counts too.
  const repeated = [...counts.values()].some((n) => n >= 2);
  const names = new Set(repeated ? counts.keys() : []);
  return { names, initials };
}

function labelOf(
  text: string,
  labels: Labels,
  afterStamp: boolean,
): { speaker?: string; text: string; labelled: boolean } {
  const split = splitSpeakerLabel(text);
  // A placeholder such as "Unknown:" names nobody but still ends the previous speaker's turn.
  const known = split.speaker === undefined ? labels.names.size > 0 : labels.names.has(split.speaker);
  if (split.labelled && (afterStamp || known)) return split;
  const first = /^([A-Z]{1,4})\s+(\S.*)$/.exec(text);
  if (afterStamp && first?.[1] && labels.initials.has(first[1]))
    return { speaker: first[1], text: first[2] ?? '', labelled: true };
  return { text, labelled: false };
}

function timedSegments(kinds: LineKind[], labels: Labels): DraftSegment[] {
  const out: DraftSegment[] = [];
  let cur: DraftSegment | undefined;
  let speaker: string | undefined;
  let lastTime = 0;
  let pending: number | undefined;
  for (const k of kinds) {
    if (k.kind === 'blank') continue;
    if (k.kind === 'marker') {
      cur = undefined;
      speaker = undefined;
    } else if (k.kind === 'header') {
      if (k.name !== undefined) speaker = speakerName(k.name);
      pending = lastTime = k.start;
      cur = undefined;
    } else if (k.kind === 'stamp') {
      const label =
        k.name !== undefined ? { speaker: speakerName(k.name), text: k.text } : labelOf(k.text, labels, true);
      speaker = label.speaker;
      lastTime = k.start;
      pending = undefined;
      cur = { start: k.start, ...(speaker ? { speaker } : {}), text: label.text };
      out.push(cur);
    } else {
      const label = labelOf(k.text, labels, false);
      if (label.labelled) {
        speaker = label.speaker;
        cur = undefined;
      }
      if (!label.labelled && cur) {
        cur.text += `\n${k.text}`;
        continue;
      }
      cur = {
        start: pending ?? lastTime,
        ...(speaker ? { speaker } : {}),
        text: label.text,
        ...(pending === undefined ? { untimed: true } : {}),
      };
      pending = undefined;
      out.push(cur);
    }
  }
  return out;
}

// With fewer than two stamps, a time-looking line ("10:30 we met") is prose and stays whole.
function untimedSegments(kinds: LineKind[], lines: string[], labels: Labels): DraftSegment[] {
  const paragraphs = kinds.some((k, i) => k.kind === 'blank' && i > 0 && kinds[i - 1]?.kind !== 'blank');
  const out: DraftSegment[] = [];
  let cur: DraftSegment | undefined;
  let speaker: string | undefined;
  let clock = 0;
  const close = (): void => {
    if (cur) clock = Math.round((clock + estimateSeconds(cur.text)) * 1000) / 1000;
    cur = undefined;
  };
  for (const [i, k] of kinds.entries()) {
    if (k.kind === 'blank' || k.kind === 'marker') {
      close();
      continue;
    }
    const text = k.kind === 'text' ? k.text : (lines[i] ?? '').trim();
    const label = labelOf(text, labels, false);
    if (label.labelled) {
      close();
      speaker = label.speaker;
    }
    if (label.text === '') continue;
    if (cur && paragraphs && !label.labelled) {
      cur.text += `\n${label.text}`;
      continue;
    }
    close();
    cur = { start: clock, ...(speaker ? { speaker } : {}), text: label.text, untimed: true };
    out.push(cur);
  }
  return out;
}
