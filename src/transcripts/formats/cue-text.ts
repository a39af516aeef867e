import { decodeHTML } from 'entities';

export interface CueText {
  /** Name from a WebVTT `<v Name>` voice tag. */
  voice?: string;
  /** The cue opened with a `>>` speaker-change mark (caption convention, speaker unnamed). */
  turn: boolean;
  lines: string[];
}

const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]+)>/i;
const TAG = /<\/?[a-z][^>]*>|<\d[^>]*>/gi;
const ASS_OVERRIDE = /\{\\[^}]*\}/g;

/** Plain text lines of a cue: markup, timestamps and karaoke tags removed, entities decoded. */
export function cueText(rawLines: string[]): CueText {
  let voice: string | undefined;
  let turn = false;
  const lines: string[] = [];
  for (const raw of rawLines) {
    let line = raw;
    if (line.includes('<')) {
      const v = VOICE.exec(line);
      if (v && voice === undefined) voice = v[1]?.trim();
      line = line.replace(TAG, '');
    }
    if (line.includes('{')) line = line.replace(ASS_OVERRIDE, '');
    if (line.includes('&')) line = decodeHTML(line);
    line = line.trim();
    if (line.startsWith('>>')) {
      if (lines.length === 0) turn = true;
      line = line.replace(/^>>+\s*/, '');
    }
    if (line !== '') lines.push(line);
  }
  return { ...(voice ? { voice } : {}), turn, lines };
}
