import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../index.js';

const vtt = (text: string) => parseTranscript(text, { type: 'text/vtt' });

describe('WebVTT', () => {
  it('skips NOTE/STYLE/REGION blocks, ignores identifiers and cue settings', () => {
    const t = vtt(`WEBVTT - a title
Kind: captions
Language: de

STYLE
::cue { color: yellow }

REGION
id:fred width:40%

NOTE this 00:00:00.000 mention is a comment
spanning lines

intro-1
00:00:01.000 --> 00:00:02.500 align:start position:10% line:0
Hallo <b>Welt</b>

00:00:02.500 --> 00:00:04.000 region:fred
zweite Zeile
`);
    expect(t.language).toBe('de');
    expect(t.segments).toEqual([
      { start: 1, end: 2.5, text: 'Hallo Welt' },
      { start: 2.5, end: 4, text: 'zweite Zeile' },
    ]);
  });

  it('turns voice tags into speakers, strips inline tags and decodes entities', () => {
    const t = vtt(`WEBVTT

00:00.000 --> 00:03.000
<v.loud Dr. Ada Smith>Tom &amp; Jerry&#39;s <i>&lt;tag&gt;</i> show</v>

00:03.000 --> 00:05.000
<c.yellow>no</c> voice<00:00:04.000> <c>here</c>&nbsp;today
`);
    expect(t.segments).toEqual([
      { start: 0, end: 3, speaker: 'Dr. Ada Smith', text: "Tom & Jerry's <tag> show" },
      { start: 3, end: 5, text: 'no voice here today' },
    ]);
  });

  it('reads times without hours and the bare-seconds form, with or without the header', () => {
    const t = parseTranscript('0.000 --> 3.480\none\n\n65.5 --> 70.25\ntwo\n\n01:10.250 --> 01:12.000\nthree\n', {
      fileName: 'a.vtt',
    });
    expect(t.source).toBe('published:vtt');
    expect(t.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 3.48],
      [65.5, 70.25],
      [70.25, 72],
    ]);
  });

  it('de-duplicates YouTube rolling captions so no word repeats', () => {
    const t = vtt(`WEBVTT
Kind: captions
Language: en

00:00:00.000 --> 00:00:02.350 align:start position:0%
 
hello<00:00:00.539><c> world</c><00:00:01.020><c> this</c>

00:00:02.350 --> 00:00:02.360 align:start position:0%
hello world this
 

00:00:02.360 --> 00:00:04.990 align:start position:0%
hello world this
is<00:00:02.800><c> rolling</c><00:00:03.100><c> text</c>

00:00:04.990 --> 00:00:05.000 align:start position:0%
is rolling text
 

00:00:05.000 --> 00:00:07.000 align:start position:0%
is rolling text
and it ends
`);
    expect(t.segments.map((s) => [s.start, s.text])).toEqual([
      [0, 'hello world this'],
      [2.36, 'is rolling text'],
      [5, 'and it ends'],
    ]);
  });

  it('keeps genuine repeats in ordinary captions', () => {
    const t = vtt(
      'WEBVTT\n\n00:01.000 --> 00:02.000\nYeah.\n\n00:02.000 --> 00:03.000\nYeah.\n\n00:03.000 --> 00:04.000\nGo on.\n',
    );
    expect(t.segments.map((s) => s.text)).toEqual(['Yeah.', 'Yeah.', 'Go on.']);
  });

  it('drops >> turn marks and does not carry a label across them', () => {
    const t = vtt(`WEBVTT

00:00.000 --> 00:02.000
>> Alice: hi there

00:02.000 --> 00:04.000
still Alice

00:04.000 --> 00:06.000
>> someone else

00:06.000 --> 00:08.000
>> Alice: back again
`);
    expect(t.segments.map((s) => [s.speaker, s.text])).toEqual([
      ['Alice', 'hi there'],
      ['Alice', 'still Alice'],
      [undefined, 'someone else'],
      ['Alice', 'back again'],
    ]);
  });
});
