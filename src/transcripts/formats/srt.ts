import type { DraftSegment } from '../finalize.js';
import { cueSegments } from './cue-segments.js';

/** SubRip: numbered cues, `00:00:01,000 --> 00:00:04,000` (`.` millis tolerated), `Speaker: ` labels. */
export function parseSrt(text: string): DraftSegment[] {
  return cueSegments(text);
}
