import type { Transcript } from '../model/transcript.js';

/** The transcript's words as one string, one segment per line. */
export function transcriptText(t: Transcript): string {
  return t.segments.map((s) => s.text).join('\n');
}
