import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import { AppError } from '../model/errors.js';
import { MAX_TRANSCRIPT_BYTES, readTranscriptFile } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'podbrief-transcripts-'));
const srt = '1\n00:00:01,000 --> 00:00:02,500\nSeñora: ¿Qué tal?\n\n2\n00:00:02,500 --> 00:00:04,000\nMuy bien.\n';
const write = (name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
  return 'no error';
}

describe('readTranscriptFile', () => {
  it.each([
    ['UTF-8', Buffer.from(srt, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(srt, 'utf8')])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(srt, 'utf-16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(srt, 'utf-16be')])],
    ['UTF-16LE without BOM', iconv.encode(srt, 'utf-16le')],
  ])('decodes %s', async (name, bytes) => {
    const t = await readTranscriptFile(write(`${name.replace(/\W/g, '_')}.srt`, bytes));
    expect(t.source).toBe('published:srt');
    expect(t.segments).toEqual([
      { start: 1, end: 2.5, speaker: 'Señora', text: '¿Qué tal?' },
      { start: 2.5, end: 4, speaker: 'Señora', text: 'Muy bien.' },
    ]);
  });

  it('detects the type from the extension, then from content', async () => {
    const md = write('notes.md', '**[00:00]** one\n\n**[00:05]** two\n');
    expect((await readTranscriptFile(md)).source).toBe('published:markdown');
    const unnamed = write('download', 'WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n');
    expect((await readTranscriptFile(unnamed)).source).toBe('published:vtt');
    const srtAsTxt = write('captions.txt', srt);
    expect((await readTranscriptFile(srtAsTxt)).source).toBe('published:srt');
    expect((await readTranscriptFile(srtAsTxt, { language: 'es' })).language).toBe('es');
  });

  it('refuses missing files, directories and files over the size cap with their own codes', async () => {
    expect(await codeOf(readTranscriptFile(join(dir, 'nope.srt')))).toBe('transcript_unreadable');
    expect(await codeOf(readTranscriptFile(dir))).toBe('transcript_unreadable');
    const big = write('big.txt', Buffer.alloc(MAX_TRANSCRIPT_BYTES + 1, 0x61));
    expect(await codeOf(readTranscriptFile(big))).toBe('transcript_too_large');
    expect(await codeOf(readTranscriptFile(write('empty.vtt', '')))).toBe('transcript_invalid');
  });

  it.runIf(requireCorpus())('reads a real corpus file with the same result as its UTF-16 re-encoding', async () => {
    const original = await readTranscriptFile(corpusPath('transcripts', 'kde-express-16-es.vtt'));
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(corpusPath('transcripts', 'kde-express-16-es.vtt'), 'utf8');
    const utf16 = write('kde.vtt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    expect(await readTranscriptFile(utf16)).toEqual(original);
  });
});
