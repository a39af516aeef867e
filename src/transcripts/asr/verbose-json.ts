import { z } from 'zod';
import { AppError } from '../../model/errors.js';
import { transcriptHash } from '../finalize.js';
import { collapseWhitespace } from '../normalize.js';
import type { AsrEngineName, AsrSegment, EngineTranscript } from './types.js';

const number = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const verboseJson = z.object({
  text: z.string().optional(),
  language: z.string().optional(),
  duration: number.optional(),
  segments: z
    .array(
      z.object({
        start: number,
        end: number,
        text: z.string(),
        avg_logprob: number.optional(),
        no_speech_prob: number.optional(),
      }),
    )
    .optional(),
});

/**
 * The `verbose_json` answer shared by the OpenAI API and whisper.cpp's server:
 * `{text, language, duration, segments: [{start, end, text, avg_logprob, no_speech_prob, …}]}`.
 */
export function parseVerboseJson(body: unknown, engine: AsrEngineName, fallbackDuration: number): EngineTranscript {
  const parsed = verboseJson.safeParse(body);
  if (!parsed.success)
    throw new AppError(
      'asr_bad_response',
      `${engine}: answer is not verbose_json (${parsed.error.issues[0]?.message ?? 'invalid'})`,
    );
  const { segments: raw, text = '', language, duration } = parsed.data;
  if (!raw) {
    if (text.trim() === '') return engineTranscript([], engine, language, duration ?? fallbackDuration);
    throw new AppError(
      'asr_bad_response',
      `${engine}: answer has text but no timed segments (does the model support verbose_json?)`,
    );
  }
  const segments: AsrSegment[] = [];
  for (const s of raw) {
    const clean = collapseWhitespace(s.text);
    if (clean === '' || !Number.isFinite(s.start) || s.start < 0) continue;
    segments.push({
      start: s.start,
      end: Math.max(s.start, s.end),
      text: clean,
      ...(s.avg_logprob !== undefined && Number.isFinite(s.avg_logprob) && { avgLogprob: s.avg_logprob }),
      ...(s.no_speech_prob !== undefined && Number.isFinite(s.no_speech_prob) && { noSpeechProb: s.no_speech_prob }),
    });
  }
  return engineTranscript(segments, engine, language, duration ?? fallbackDuration);
}

export function engineTranscript(
  segments: AsrSegment[],
  engine: AsrEngineName,
  language: string | undefined,
  durationSeconds: number,
): EngineTranscript {
  const code = languageCode(language);
  return {
    segments,
    source: `asr:${engine}`,
    hash: transcriptHash(segments),
    durationSeconds,
    ...(code && { language: code }),
  };
}

// whisper.cpp reports languages by name ("english"); OpenAI by name too. Transcripts carry ISO 639-1.
const CODES: Record<string, string> = {
  english: 'en',
  german: 'de',
  spanish: 'es',
  french: 'fr',
  italian: 'it',
  portuguese: 'pt',
  dutch: 'nl',
  russian: 'ru',
  chinese: 'zh',
  japanese: 'ja',
  korean: 'ko',
  arabic: 'ar',
  hindi: 'hi',
  turkish: 'tr',
  polish: 'pl',
  swedish: 'sv',
  danish: 'da',
  norwegian: 'no',
  finnish: 'fi',
  czech: 'cs',
  greek: 'el',
  hebrew: 'he',
  ukrainian: 'uk',
  romanian: 'ro',
  hungarian: 'hu',
  indonesian: 'id',
  vietnamese: 'vi',
  thai: 'th',
  catalan: 'ca',
  malay: 'ms',
  tagalog: 'tl',
  persian: 'fa',
  bengali: 'bn',
  urdu: 'ur',
};

/** "english" / "English" / "en" / "en-US" → "en"; undefined when unknown or absent. */
function languageCode(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().toLowerCase();
  if (/^[a-z]{2}(?:[-_][a-z0-9]+)?$/.test(text)) return text.slice(0, 2);
  return CODES[text];
}
