import type { Transcript } from '../model/transcript.js';
import { finalizeTranscript, type DraftSegment } from './finalize.js';
import { htmlBlocks } from './formats/html-blocks.js';
import { collapseWhitespace } from './normalize.js';

/**
 * Show notes as a stand-in transcript (source `shownotes`) for episodes that publish none:
 * one segment per sentence, all at time 0 and marked `untimed`. HTML notes are reduced to
 * visible text first. Throws AppError('transcript_invalid') when the notes have no text.
 */
export function transcriptFromShowNotes(text: string, opts: { language?: string } = {}): Transcript {
  const paragraphs = /<[a-z][^>]*>/i.test(text)
    ? htmlBlocks(text).blocks.map((b) => b.text)
    : text.split(/\r?\n\s*\r?\n|\r?\n(?=\s*[-*•]\s)/);
  const segmenter = sentenceSegmenter(opts.language);
  const drafts: DraftSegment[] = [];
  for (const paragraph of paragraphs) {
    const clean = collapseWhitespace(paragraph).replace(/^[-*•]\s+/, '');
    if (clean === '') continue;
    for (const { segment } of segmenter.segment(clean)) {
      drafts.push({ start: 0, end: 0, text: segment, untimed: true });
    }
  }
  return finalizeTranscript(drafts, 'shownotes', opts.language);
}

function sentenceSegmenter(language: string | undefined): Intl.Segmenter {
  try {
    return new Intl.Segmenter(language, { granularity: 'sentence' });
  } catch {
    return new Intl.Segmenter(undefined, { granularity: 'sentence' });
  }
}
