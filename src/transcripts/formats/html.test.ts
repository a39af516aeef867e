import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../index.js';

describe('HTML', () => {
  it('maps a Buzzsprout fragment of <cite>/<time>/<p> turns', () => {
    const t = parseTranscript(
      `<cite>Alban:</cite>
  <time>0:00</time>
  <p>It&#39;s nice &amp; easy.</p>
  <p>Second paragraph, same turn.</p>
  <cite>Kevin:</cite>
  <time>1:02:03</time>
  <p>Reply.</p>`,
      { type: 'text/html' },
    );
    expect(t.source).toBe('published:html');
    expect(t.segments).toEqual([
      { start: 0, end: 3723, speaker: 'Alban', text: "It's nice & easy. Second paragraph, same turn." },
      { start: 3723, end: 3723 + 1, speaker: 'Kevin', text: 'Reply.' },
    ]);
  });

  it('drops active and hidden content and never keeps markup', () => {
    const t = parseTranscript(
      `<!doctype html><html lang="en-GB"><head><title>Ignore me</title><style>p{color:red}</style></head><body>
<script>alert("x")</script>
<cite>Host:</cite><time>0:05</time>
<p>Visible <img src=x onerror="alert(1)"> words<iframe src="https://evil.example">frame text</iframe>.</p>
<p hidden>hidden attribute</p>
<div style="display: none">display none</div>
<span aria-hidden="true">aria hidden</span>
<p style="visibility:hidden">invisible</p>
<noscript>noscript text</noscript>
<template><p>template text</p></template>
<p>After &lt;b&gt; entity.</p>
</body></html>`,
    );
    expect(t.language).toBe('en-GB');
    expect(t.segments).toEqual([{ start: 5, end: 7, speaker: 'Host', text: 'Visible words. After <b> entity.' }]);
  });

  it('reads HTML without <time> as text: paragraphs, `Name:` speakers, estimated and marked untimed', () => {
    const t = parseTranscript(
      '<div><p>Ann: Hello there, everyone.</p><p>Bob: Hi Ann.</p><p>Ann: Shall we start?</p></div>',
    );
    expect(t.segments).toEqual([
      { start: 0, end: 1.2, speaker: 'Ann', text: 'Hello there, everyone.', untimed: true },
      { start: 1.2, end: 2.2, speaker: 'Bob', text: 'Hi Ann.', untimed: true },
      { start: 2.2, end: 3.4, speaker: 'Ann', text: 'Shall we start?', untimed: true },
    ]);
  });

  it('reads timestamps written inside paragraphs', () => {
    const t = parseTranscript('<p>[00:00:01] One.</p><p>[00:00:09] Two.</p>', { type: 'text/html' });
    expect(t.segments.map((s) => [s.start, s.text, s.untimed])).toEqual([
      [1, 'One.', undefined],
      [9, 'Two.', undefined],
    ]);
  });
});
