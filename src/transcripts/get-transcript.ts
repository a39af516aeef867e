import type { EpisodeRow } from '../store/types.js';
import type { Transcript } from '../model/transcript.js';
import { errorMessage } from '../model/errors.js';
import { safeFetch, type FetchOptions } from '../net/index.js';
import { decodeTranscriptBytes } from './decode-bytes.js';
import { parseTranscript } from './parse-transcript.js';
import { pickTranscriptLink } from './pick-transcript-link.js';
import type { NotesCleaning } from './show-notes-clean.js';
import { transcriptFromShowNotes } from './show-notes.js';

export interface TranscriptOutcome {
  transcript: Transcript;
  /** Why the published transcript was not used, when it was not. */
  fallbackReason?: string;
}

/** Speech-to-text for an episode: a transcript with a note on how it was made, or why there is none. */
export type SpeechToText = (
  episode: EpisodeRow,
) => Promise<{ transcript: Transcript; note: string } | { reason: string }>;

/**
 * The episode's published transcript when it offers one that fetches and parses; else
 * speech-to-text when given and it succeeds; otherwise its show notes, marked as such, without
 * their furniture (`showNotes().repeated`: the show's boilerplate sentences, asked for only when the
 * notes are used); undefined when they say nothing substantive.
 */
export async function getTranscript(
  episode: EpisodeRow,
  fetchOptions: FetchOptions,
  speechToText?: SpeechToText,
  showNotes: () => Promise<NotesCleaning> = async () => ({}),
): Promise<TranscriptOutcome | undefined> {
  const published = await publishedTranscript(episode, fetchOptions);
  if ('transcript' in published) return { transcript: published.transcript };
  let fallbackReason = published.reason;
  if (speechToText) {
    const asr = await speechToText(episode);
    if ('transcript' in asr) return { transcript: asr.transcript, fallbackReason: `${fallbackReason}; ${asr.note}` };
    fallbackReason = `${fallbackReason}; speech-to-text not used: ${asr.reason}`;
  }
  if (!episode.description || episode.description.trim().length < 40) return undefined;
  const cleaning = await showNotes();
  try {
    return {
      transcript: transcriptFromShowNotes(episode.description, { ...cleaning, title: episode.title }),
      fallbackReason,
    };
  } catch {
    // Nothing substantive left once the notes' furniture is out: no insight rather than boilerplate.
    return undefined;
  }
}

/** The richest published transcript that fetches and parses, or why there is none. */
export async function publishedTranscript(
  episode: EpisodeRow,
  fetchOptions: FetchOptions,
): Promise<{ transcript: Transcript } | { reason: string }> {
  const link = pickTranscriptLink(episode.transcripts);
  if (!link) return { reason: 'no published transcript' };
  try {
    const res = await safeFetch(link.url, { ...fetchOptions, accept: `${link.type}, */*;q=0.5` });
    const charset = /charset="?([^";\s]+)/i.exec(res.contentType ?? '')?.[1];
    const text = decodeTranscriptBytes(res.body, charset);
    const transcript = parseTranscript(text, {
      type: link.type,
      fileName: new URL(res.url).pathname,
      ...(link.language ? { language: link.language } : {}),
    });
    return { transcript };
  } catch (err) {
    return { reason: `published transcript ${link.url} unusable: ${errorMessage(err)}` };
  }
}
