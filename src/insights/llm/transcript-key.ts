import { createHash } from 'node:crypto';
import type { Transcript } from '../../model/transcript.js';

/**
 * The cache's transcript hash: everything the model sees and the insights take from the
 * transcript (times, speakers, text). `Transcript.hash` covers the text alone, so two timings of
 * the same words would otherwise share cached insights with the wrong timestamps.
 */
export function transcriptKey(transcript: Transcript): string {
  const hash = createHash('sha256');
  for (const s of transcript.segments) {
    hash.update(JSON.stringify([s.start, s.end, s.speaker ?? null, s.untimed === true, s.text]));
    hash.update('\n');
  }
  return hash.digest('hex');
}
