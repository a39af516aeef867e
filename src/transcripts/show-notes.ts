import type { Transcript } from '../model/transcript.js';
import { finalizeTranscript, type DraftSegment } from './finalize.js';
import { htmlBlocks } from './formats/html-blocks.js';
import { transcriptInvalid } from './invalid.js';
import { collapseWhitespace } from './normalize.js';
import {
  cleanShowNotesParagraphs,
  isSubstantive,
  repeatedNotesSentences,
  type NotesCleaning,
} from './show-notes-clean.js';

export interface ShowNotesOptions extends NotesCleaning {
  language?: string;
  /** The episode title: said first, as the notes' first sentence, when the notes have something to say. */
  title?: string;
}

/**
 * Show notes as a stand-in transcript (source `shownotes`) for episodes that publish none:
 * one segment per sentence, all at time 0 and marked `untimed`. HTML notes are reduced to
 * visible text first, then what is not the episode's content is taken out (show-notes-clean.ts:
 * ad-choice and privacy lines, sponsor reads, calls to subscribe, hosting footers, addresses, link
 * lists, credits, and sentences the show repeats in many episodes). Throws
 * AppError('transcript_invalid') when nothing substantive is left.
 */
export function transcriptFromShowNotes(text: string, opts: ShowNotesOptions = {}): Transcript {
  const segmenter = sentenceSegmenter(opts.language);
  const kept = cleanShowNotesParagraphs(showNotesParagraphs(text), splitter(segmenter), opts).flat();
  if (!isSubstantive(kept)) throw transcriptInvalid('the show notes say nothing substantive');
  const title = collapseWhitespace(opts.title ?? '');
  const drafts: DraftSegment[] = [...(title ? [`${title.replace(/[.!?:;,\s]+$/, '')}.`] : []), ...kept].map(
    (segment) => ({ start: 0, end: 0, text: segment, untimed: true }),
  );
  return finalizeTranscript(drafts, 'shownotes', opts.language);
}

/**
 * The sentences that recur across many of one show's episode notes (see repeatedNotesSentences):
 * give them as `repeated` to transcriptFromShowNotes, computed where the feed's episodes are known together.
 */
export function showBoilerplate(notes: string[], language?: string): Set<string> {
  const split = splitter(sentenceSegmenter(language));
  return repeatedNotesSentences(notes, (n) =>
    showNotesParagraphs(n).flatMap((p) => p.split(/\r?\n/).flatMap((line) => split(line))),
  );
}

/** Paragraphs of plain or HTML notes; the lines of a paragraph stay apart (list items, credits). */
function showNotesParagraphs(text: string): string[] {
  return /<[a-z][^>]*>/i.test(text) ? htmlBlocks(text).blocks.map((b) => b.text) : text.split(/\r?\n\s*\r?\n/);
}

function splitter(segmenter: Intl.Segmenter): (text: string) => string[] {
  return (text) =>
    [...segmenter.segment(collapseWhitespace(text))].map((s) => s.segment.trim()).filter((s) => s !== '');
}

function sentenceSegmenter(language: string | undefined): Intl.Segmenter {
  try {
    return new Intl.Segmenter(language, { granularity: 'sentence' });
  } catch {
    return new Intl.Segmenter(undefined, { granularity: 'sentence' });
  }
}
