import type { DraftSegment } from '../finalize.js';
import { speakerName, splitSpeakerLabel } from '../speaker-label.js';
import { cueText } from './cue-text.js';
import { readCues } from './cue-blocks.js';
import { dropRolledLines, isRolling } from './rolling-captions.js';

interface CleanCue {
  start: number;
  end: number;
  voice?: string;
  turn: boolean;
  lines: string[];
}

/**
 * SRT and WebVTT cues → draft segments, one per cue. Speakers come from `<v Name>` voice tags,
 * or from a `Name: ` label opening a cue, which then holds for the following unlabelled cues
 * (Buzzsprout style) until another label or a `>>` turn mark.
 */
export function cueSegments(text: string): DraftSegment[] {
  let cues: CleanCue[] = readCues(text).map((c) => ({ start: c.start, end: c.end, ...cueText(c.lines) }));
  if (isRolling(cues)) cues = dropRolledLines(cues);
  const labelled = cues.filter((c) => splitSpeakerLabel(c.lines[0] ?? '').labelled).length;
  const useLabels = labelled >= 2 || (labelled === 1 && cues.length <= 3);
  const drafts: DraftSegment[] = [];
  let carried: string | undefined;
  for (const cue of cues) {
    if (cue.turn) carried = undefined;
    let body = cue.lines.join(' ');
    let speaker = speakerName(cue.voice);
    if (useLabels && speaker === undefined) {
      const split = splitSpeakerLabel(body);
      if (split.labelled) {
        carried = split.speaker;
        body = split.text;
      }
      speaker = carried;
    }
    drafts.push({ start: cue.start, end: cue.end, ...(speaker ? { speaker } : {}), text: body });
  }
  return drafts;
}
