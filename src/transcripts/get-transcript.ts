import type { EpisodeRow } from '../store/types.js';
import type { Transcript } from '../model/transcript.js';
import { errorMessage } from '../model/errors.js';
import { safeFetch, type FetchOptions } from '../net/index.js';
import { decodeTranscriptBytes } from './decode-bytes.js';
import { parseTranscript } from './parse-transcript.js';
import { pickTranscriptLink } from './pick-transcript-link.js';
import { transcriptFromShowNotes } from './show-notes.js';

export interface TranscriptOutcome {
  transcript: Transcript;
  /** Why the published transcript was not used, when it was not. */
  fallbackReason?: string;
}

/**
 * The episode's published transcript when it offers one that fetches and parses;
 * otherwise its show notes, marked as such. (Speech-to-text slots in before the show notes.)
 */
export async function getTranscript(episode: EpisodeRow, fetchOptions: FetchOptions): Promise<TranscriptOutcome | undefined> {
  const language = undefined;
  const link = pickTranscriptLink(episode.transcripts, language);
  let fallbackReason = link ? undefined : 'no published transcript';
  if (link) {
    try {
      const res = await safeFetch(link.url, { ...fetchOptions, accept: `${link.type}, */*;q=0.5` });
      const charset = /charset="?([^";\s]+)/i.exec(res.contentType ?? '')?.[1];
      const text = decodeTranscriptBytes(res.body, charset);
      const transcript = parseTranscript(text, { type: link.type, fileName: new URL(res.url).pathname, ...(link.language ? { language: link.language } : {}) });
      return { transcript };
    } catch (err) {
      fallbackReason = `published transcript ${link.url} unusable: ${errorMessage(err)}`;
    }
  }
  const notes = [episode.title, episode.description ?? ''].join('. ').trim();
  if (!episode.description || episode.description.trim().length < 40) return undefined;
  return { transcript: transcriptFromShowNotes(notes), ...(fallbackReason ? { fallbackReason } : {}) };
}
