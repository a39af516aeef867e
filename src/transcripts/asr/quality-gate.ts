import { MAX_ENGLISH_IDF, englishIdfOfWord } from '../../text/index.js';
import type { AsrSegment } from './types.js';

export type QualityVerdict = { ok: true } | { ok: false; reason: string };

const MIN_AVG_LOGPROB = -1;
const MAX_NO_SPEECH_PROB = 0.6;
const MIN_DICTIONARY_SHARE = 0.5;
/** Too few words to judge the vocabulary of. */
const MIN_WORDS_TO_JUDGE = 8;

/**
 * Whether an engine's transcript is good enough to extract insights from. It is not when the
 * engine itself doubts it (mean log-probability, no-speech probability, weighted by duration) or
 * when, in English, too few of its words are words at all (a hallucinating or broken model).
 */
export function assessQuality(segments: AsrSegment[], language?: string): QualityVerdict {
  if (segments.length === 0) return { ok: false, reason: 'no speech was recognised' };
  const logprob = weightedMean(segments, (s) => s.avgLogprob);
  if (logprob !== undefined && logprob < MIN_AVG_LOGPROB) {
    return {
      ok: false,
      reason: `the engine reports low confidence (mean avg_logprob ${logprob.toFixed(2)} < ${MIN_AVG_LOGPROB})`,
    };
  }
  const noSpeech = weightedMean(segments, (s) => s.noSpeechProb);
  if (noSpeech !== undefined && noSpeech > MAX_NO_SPEECH_PROB) {
    return { ok: false, reason: `the engine reports mostly no speech (mean no_speech_prob ${noSpeech.toFixed(2)})` };
  }
  if (language === undefined || language === 'en') {
    const share = dictionaryShare(segments.map((s) => s.text).join(' '));
    if (share !== undefined && share < MIN_DICTIONARY_SHARE) {
      return { ok: false, reason: `word salad: only ${Math.round(share * 100)}% of its words are English words` };
    }
  }
  return { ok: true };
}

/** Share of word tokens that are known English words; undefined when there are too few to judge. */
function dictionaryShare(text: string): number | undefined {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  if (tokens.length < MIN_WORDS_TO_JUDGE) return undefined;
  let known = 0;
  for (const t of tokens) {
    if (/^\p{N}+$/u.test(t)) known++;
    else if (/^[a-z'’]+$/.test(t) && englishIdfOfWord(t.replace(/['’].*$/, '')) < MAX_ENGLISH_IDF) known++;
  }
  return known / tokens.length;
}

function weightedMean(segments: AsrSegment[], value: (s: AsrSegment) => number | undefined): number | undefined {
  let sum = 0;
  let weight = 0;
  for (const s of segments) {
    const v = value(s);
    if (v === undefined) continue;
    const w = Math.max(0.1, s.end - s.start);
    sum += v * w;
    weight += w;
  }
  return weight === 0 ? undefined : sum / weight;
}
