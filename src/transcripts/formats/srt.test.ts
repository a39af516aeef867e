import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../index.js';

describe('SRT', () => {
  it('joins wrapped lines and carries a Speaker: label to the following cues', () => {
    const t = parseTranscript(
      `1
00:00:00,500 --> 00:00:02,000
Jane Doe: we wrapped this
line mid-sentence

2
00:00:02.000 --> 00:00:03.250
and kept going.

3
00:00:03,250 --> 00:00:05,000
John: my turn.
`,
      { type: 'application/srt' },
    );
    expect(t.source).toBe('published:srt');
    expect(t.segments).toEqual([
      { start: 0.5, end: 2, speaker: 'Jane Doe', text: 'we wrapped this line mid-sentence' },
      { start: 2, end: 3.25, speaker: 'Jane Doe', text: 'and kept going.' },
      { start: 3.25, end: 5, speaker: 'John', text: 'my turn.' },
    ]);
  });

  it('tolerates CRLF, missing blank lines, blank lines inside a cue, and formatting tags', () => {
    const t = parseTranscript(
      '1\r\n00:00:01,000 --> 00:00:02,000\r\n{\\an8}<i>first</i>\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nsecond\r\n\r\nstill second\r\n\r\n3\r\n00:00:03,000 --> 00:00:04,000\r\n<font color="red">third</font>\r\n',
      { fileName: 'x.srt' },
    );
    expect(t.segments.map((s) => s.text)).toEqual(['first', 'second still second', 'third']);
  });

  it('does not take "Note:" for a speaker, and a lone label does not carry forever', () => {
    const t = parseTranscript(
      '1\n00:00:01,000 --> 00:00:02,000\nNote: this is text\n\n2\n00:00:02,000 --> 00:00:03,000\nmore text\n\n3\n00:00:03,000 --> 00:00:04,000\nend\n\n4\n00:00:04,000 --> 00:00:05,000\nreally\n',
      { type: 'srt' },
    );
    expect(t.segments.every((s) => s.speaker === undefined)).toBe(true);
    expect(t.segments[0]?.text).toBe('Note: this is text');
  });

  it('is recognised from content when declared text/plain', () => {
    const t = parseTranscript('1\n00:00:01,000 --> 00:00:02,000\nhello\n', { type: 'text/plain' });
    expect(t.source).toBe('published:srt');
  });
});
