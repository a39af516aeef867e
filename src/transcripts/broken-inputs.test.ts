import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import { AppError } from '../model/errors.js';
import type { Transcript } from '../model/transcript.js';
import { decodeTranscriptBytes, parseTranscript, type ParseTranscriptOptions } from './index.js';

const hasCorpus = requireCorpus();
const seed = (name: string): string => readFileSync(corpusPath('transcripts', name), 'utf8');

function invalidError(text: string, opts?: ParseTranscriptOptions): AppError {
  try {
    parseTranscript(text, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('transcript_invalid');
    expect(e.message).not.toContain('\n');
    return e;
  }
  throw new Error('expected transcript_invalid, but the input parsed');
}

/** Parses or throws transcript_invalid; anything else fails the test. */
function parseOrInvalid(text: string, opts?: ParseTranscriptOptions): Transcript | AppError {
  try {
    return parseTranscript(text, opts);
  } catch (err) {
    if (err instanceof AppError && err.code === 'transcript_invalid') return err;
    throw err;
  }
}

describe('inputs with nothing usable throw transcript_invalid with a clear reason', () => {
  it('empty and blank text', () => {
    expect(invalidError('').message).toBe('transcript is unusable: the file is empty');
    expect(invalidError(' \n\t\r\n', { type: 'text/vtt' }).message).toContain('empty');
    expect(invalidError('\uFEFF').message).toContain('empty');
  });

  it('binary garbage, even when declared as SRT', () => {
    let x = 12345;
    const bytes = Uint8Array.from({ length: 4096 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24) & 0xff);
    expect(invalidError(decodeTranscriptBytes(bytes), { type: 'application/srt' }).message).toContain('binary');
  });

  it('invalid JSON names the parse failure', () => {
    expect(invalidError('{"version":"1.0.0","segments":[{"startTime":1', { type: 'application/json' }).message).toMatch(
      /JSON does not parse/,
    );
  });

  it('JSON whose segments is not an array', () => {
    expect(invalidError('{"version":"1.0.0","segments":{"0":{"startTime":0,"body":"hi"}}}').message).toContain(
      'no "segments" array',
    );
    expect(invalidError('{"segments":"hello"}', { type: 'json' }).message).toContain('no "segments" array');
    expect(invalidError('"just a string"', { type: 'application/json' }).message).toMatch(/no "segments" array|JSON/);
  });

  it('JSON with only unusable items', () => {
    const e = invalidError(
      '{"segments":[{"startTime":"soon","body":"x"},{"body":"no time"},{"startTime":-4,"body":"neg"}]}',
    );
    expect(e.message).toContain('no usable');
  });

  it('a VTT header with no cues, and cues whose times are all garbage', () => {
    expect(invalidError('WEBVTT\n\nNOTE nothing here\n').message).toContain('no usable');
    expect(invalidError('WEBVTT\n\n99:99:99.000 --> 99:99:99.500\nnever\n').message).toContain('no usable');
  });
});

describe('damaged but readable inputs parse leniently', () => {
  it('SRT with backwards and overlapping cues is sorted, ends kept ≥ starts', () => {
    const t = parseTranscript(
      '2\n00:00:05,000 --> 00:00:07,000\nsecond\n\n1\n00:00:01,000 --> 00:00:06,000\nfirst\n\n3\n00:00:09,000 --> 00:00:08,000\nthird\n',
      { type: 'application/x-subrip' },
    );
    expect(t.segments.map((s) => [s.start, s.end, s.text])).toEqual([
      [1, 6, 'first'],
      [5, 7, 'second'],
      [9, 9 + 1, 'third'],
    ]);
  });

  it('a 99:99:99 cue is skipped and its neighbours kept', () => {
    const t = parseTranscript(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok one\n\n99:99:99.000 --> 99:99:99.999\nbroken\n\n00:00:03.000 --> 00:00:04.000\nok two\n',
    );
    expect(t.segments.map((s) => s.text)).toEqual(['ok one', 'ok two']);
  });

  it('JSON items that are not segments are skipped', () => {
    const t = parseTranscript(
      '{"segments":[null,{"startTime":1,"endTime":2,"body":"kept"},{"startTime":"x","body":"bad"},42]}',
    );
    expect(t.segments).toHaveLength(1);
    expect(t.segments[0]).toMatchObject({ start: 1, end: 2, text: 'kept' });
  });

  it('a top-level array of pc20 segments is accepted', () => {
    const t = parseTranscript('[{"startTime":"00:00:01.5","endTime":"2.5","body":"string times", "speaker":"A"}]');
    expect(t.segments).toEqual([{ start: 1.5, end: 2.5, speaker: 'A', text: 'string times' }]);
  });

  it('windows-1252 bytes that are not UTF-8 still decode', () => {
    const bytes = Uint8Array.from([
      ...Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nEl ni'),
      0xf1,
      ...Buffer.from('o dijo caf'),
      0xe9,
      0x0a,
    ]);
    expect(parseTranscript(decodeTranscriptBytes(bytes)).segments[0]?.text).toBe('El niño dijo café');
  });
});

describe.runIf(hasCorpus)('damaged real transcripts (hostile-inputs D #47, seeded from the corpus)', () => {
  it('podnews VTT without its WEBVTT header still parses, with the same segments', () => {
    const text = seed('podnews-weekly-review-2024-01-19.vtt');
    const headless = text.replace(/^WEBVTT\s*\n/, '');
    expect(headless.startsWith('WEBVTT')).toBe(false);
    const a = parseTranscript(text, { type: 'text/vtt' });
    const b = parseTranscript(headless, { type: 'text/vtt' });
    expect(b.segments).toEqual(a.segments);
    expect(parseTranscript(headless, { fileName: 'x.vtt' }).source).toBe('published:vtt');
    expect(parseTranscript(headless).source).toBe('published:vtt');
  });

  it('an SRT with its cues in reverse order gives the same transcript', () => {
    const text = seed('buzzcast-9092843.srt');
    const reversed = text
      .trim()
      .split(/\n\s*\n/)
      .reverse()
      .join('\n\n');
    const a = parseTranscript(text);
    const b = parseTranscript(reversed);
    expect(b.segments.map((s) => [s.start, s.text])).toEqual(a.segments.map((s) => [s.start, s.text]));
  });

  it('a truncated pc20 JSON file is transcript_invalid', () => {
    const text = seed('buzzcast-9092843.pc20.json');
    expect(invalidError(text.slice(0, 5000), { type: 'application/json' }).message).toMatch(/JSON does not parse/);
  });

  it('every corpus file cut, spliced or byte-damaged either parses or throws transcript_invalid', () => {
    let x = 42;
    const rand = (n: number): number => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8) % n;
    let parsed = 0;
    let invalid = 0;
    for (const name of readdirSync(corpusPath('transcripts'))) {
      const bytes = readFileSync(corpusPath('transcripts', name));
      for (let round = 0; round < 12; round++) {
        const damaged = Buffer.from(bytes);
        for (let i = 0; i < 20; i++) damaged[rand(damaged.length)] = rand(256);
        const cut = damaged.subarray(rand(damaged.length / 4), damaged.length - rand(damaged.length / 4));
        const outcome = parseOrInvalid(decodeTranscriptBytes(cut), { fileName: name });
        if (outcome instanceof AppError) invalid++;
        else {
          parsed++;
          expect(
            outcome.segments.every((s, i, all) => s.end >= s.start && (i === 0 || s.start >= (all[i - 1]?.start ?? 0))),
          ).toBe(true);
        }
      }
    }
    expect(parsed + invalid).toBe(20 * 12);
    expect(parsed).toBeGreaterThan(invalid);
  });
});
