import type { AsrEngineName } from '../../config/options.js';
import type { Segment, Transcript } from '../../model/transcript.js';

export type { AsrEngineName };

/** A segment as an engine returned it, with the confidence figures the quality gate reads. */
export interface AsrSegment extends Segment {
  /** Mean token log-probability (OpenAI verbose_json, whisper.cpp server). */
  avgLogprob?: number;
  /** Probability that the window held no speech. */
  noSpeechProb?: number;
}

/** One engine's answer for one audio file: a Transcript whose segments keep their confidences. */
export interface EngineTranscript extends Transcript {
  segments: AsrSegment[];
  /** Audio length the engine reports (or was given), seconds. */
  durationSeconds: number;
}

interface AudioInput {
  /** A 16 kHz mono 16-bit WAV file. */
  path: string;
  durationSeconds: number;
}

interface TranscribeCallOptions {
  /** ISO 639-1 code when known; engines detect it otherwise. */
  language?: string;
  signal?: AbortSignal;
}

/** One speech-to-text engine; every engine of the ladder looks the same to the pipeline. */
export interface Transcriber {
  readonly name: AsrEngineName;
  readonly model: string;
  /** USD per audio minute; 0 for engines the operator runs. */
  readonly pricePerMinuteUsd: number;
  /** Largest WAV one call accepts, when the engine has a limit. */
  readonly maxUploadBytes?: number;
  transcribe(audio: AudioInput, opts?: TranscribeCallOptions): Promise<EngineTranscript>;
}
