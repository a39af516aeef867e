export interface TranscriptWord {
  start: number;
  end: number;
  text: string;
}

/** One timed stretch of speech. Times are seconds from the start of the episode. */
export interface Segment {
  start: number;
  end: number;
  speaker?: string;
  text: string;
  words?: TranscriptWord[];
  /** The source gave no time here: start/end are estimates (or 0) and must not be shown as timestamps. */
  untimed?: boolean;
}

export type TranscriptType = 'srt' | 'vtt' | 'json' | 'html' | 'text' | 'markdown';

/** `published:<type>` | `asr:<engine>` | `shownotes` */
export type TranscriptSource = `published:${TranscriptType}` | `asr:${string}` | 'shownotes';

export interface Transcript {
  segments: Segment[];
  language?: string;
  source: TranscriptSource;
  /** sha256 of the normalized text, hex. */
  hash: string;
}
