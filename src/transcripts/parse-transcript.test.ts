import { describe, expect, it } from 'vitest';
import { parseTranscript } from './index.js';

const SRT = '1\n00:00:01,000 --> 00:00:02,000\nhello there\n';
const VTT = 'WEBVTT\n\n00:01.000 --> 00:02.000\nhello there\n';
const JSON_DOC = '{"segments":[{"startTime":1,"endTime":2,"body":"hello there"}]}';
const HTML = '<cite>A:</cite><time>0:01</time><p>hello there</p>';

describe('parseTranscript type resolution', () => {
  it.each([
    ['application/srt', SRT, 'srt'],
    ['application/x-subrip', SRT, 'srt'],
    ['text/srt; charset=utf-8', SRT, 'srt'],
    ['srt', SRT, 'srt'],
    ['text/vtt', VTT, 'vtt'],
    ['vtt', VTT, 'vtt'],
    ['application/json', JSON_DOC, 'json'],
    ['json', JSON_DOC, 'json'],
    ['text/html', HTML, 'html'],
    ['html', HTML, 'html'],
    ['text/markdown', '**[00:01]** hello there\n**[00:02]** more', 'markdown'],
    ['text/plain', '00:00:01 hello there\n00:00:02 more', 'text'],
  ])('declared %s → published:%s', (type, body, expected) => {
    expect(parseTranscript(body, { type }).source).toBe(`published:${expected}`);
  });

  it.each([
    ['a.srt', SRT, 'srt'],
    ['https://host/t.vtt?x=1', VTT, 'vtt'],
    ['ep.pc20.json', JSON_DOC, 'json'],
    ['page.htm', HTML, 'html'],
    ['t.markdown', '# T\n\nhi', 'markdown'],
  ])('file name %s → published:%s', (fileName, body, expected) => {
    expect(parseTranscript(body, { fileName }).source).toBe(`published:${expected}`);
  });

  it.each([
    ['text/html', SRT, 'srt'],
    ['application/json', VTT, 'vtt'],
    ['text/plain', JSON_DOC, 'json'],
    ['application/octet-stream', HTML, 'html'],
    [undefined, SRT, 'srt'],
    [undefined, VTT.replace('WEBVTT\n\n', ''), 'vtt'],
    [undefined, HTML, 'html'],
    [undefined, JSON_DOC, 'json'],
    [undefined, 'just some words\n\nand another paragraph', 'text'],
  ])('content wins over a wrong or missing declared type (%s)', (type, body, expected) => {
    expect(parseTranscript(body, type ? { type } : {}).source).toBe(`published:${expected}`);
  });

  it('takes the language from options over the file, and from the file otherwise', () => {
    const vtt = 'WEBVTT\nLanguage: fr\n\n00:01.000 --> 00:02.000\nbonjour\n';
    expect(parseTranscript(vtt).language).toBe('fr');
    expect(parseTranscript(vtt, { language: 'fr-CA' }).language).toBe('fr-CA');
    expect(parseTranscript(SRT).language).toBeUndefined();
  });

  it('hashes normalized text: same words give the same hash across formats', () => {
    const a = parseTranscript(SRT);
    const b = parseTranscript(JSON_DOC);
    const c = parseTranscript(SRT.replace('hello there', 'Hello,  there!'));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    expect(c.hash).toBe(a.hash);
    expect(parseTranscript(SRT.replace('there', 'world')).hash).not.toBe(a.hash);
  });
});
