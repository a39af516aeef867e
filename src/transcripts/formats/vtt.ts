import type { DraftSegment } from '../finalize.js';
import { cueSegments } from './cue-segments.js';

export interface VttResult {
  segments: DraftSegment[];
  language?: string;
}

/**
 * WebVTT, leniently: the `WEBVTT` header may be missing, cue times may lack hours or be bare
 * seconds (`0.000 --> 3.480`), cue settings are ignored, and rolling YouTube captions are
 * de-duplicated.
 */
export function parseVtt(text: string): VttResult {
  const language = headerLanguage(text);
  return { segments: cueSegments(text), ...(language ? { language } : {}) };
}

// YouTube writes `Language: en` into the header block.
function headerLanguage(text: string): string | undefined {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n\s*\r?\n/, 1)[0] ?? '';
  if (!/^WEBVTT/.test(header)) return undefined;
  return /^Language:\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\s*$/m.exec(header)?.[1];
}
