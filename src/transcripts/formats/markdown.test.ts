import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../index.js';

describe('Markdown', () => {
  it("reads Lenny's `Name (MM:SS):` turns and `(MM:SS):` continuations, skipping front matter and headings", () => {
    const t = parseTranscript(
      `---
guest: Someone
keywords:
- a
---

# Some Title

## Transcript

Lenny (00:00):
Welcome **everyone**, see [the site](https://example.com).

Guest Person (00:07):
Thanks.

(01:02:03):
Much later, same speaker.
`,
      { fileName: 'transcript.md' },
    );
    expect(t.source).toBe('published:markdown');
    expect(t.segments).toEqual([
      { start: 0, end: 7, speaker: 'Lenny', text: 'Welcome everyone, see the site.' },
      { start: 7, end: 3723, speaker: 'Guest Person', text: 'Thanks.' },
      { start: 3723, end: 3723 + 1.6, speaker: 'Guest Person', text: 'Much later, same speaker.' },
    ]);
  });

  it('reads Podlets initials lines and drops EPISODE / [SECTION] markers', () => {
    const t = parseTranscript(
      'EPISODE 01\n\n[INTRODUCTION]\n\n[0:00:08.7] ANNOUNCER: Welcome.\n\n[EPISODE]\n\n[0:00:41.3] NL: Hello.\n\nMore from NL.\n\n[0:00:50.9] CC: Hi.\n\n[0:00:52.0] NL Lost colon.\n\n[END]\n',
      { type: 'text/markdown' },
    );
    expect(t.segments.map((s) => [s.start, s.speaker, s.text])).toEqual([
      [8.7, 'ANNOUNCER', 'Welcome.'],
      [41.3, 'NL', 'Hello. More from NL.'],
      [50.9, 'CC', 'Hi.'],
      [52, 'NL', 'Lost colon.'],
    ]);
  });

  it('reads Misfit `**[mm:ss]**` stamps', () => {
    const t = parseTranscript('**[00:00]** First line\n\n**[00:13]** second *line*\n\n**[1:00:02]** late\n', {
      type: 'markdown',
    });
    expect(t.segments.map((s) => [s.start, s.text])).toEqual([
      [0, 'First line'],
      [13, 'second line'],
      [3602, 'late'],
    ]);
  });

  it('is sniffed from content when nothing is declared', () => {
    expect(parseTranscript('---\ntitle: x\n---\n# Head\n\nJust words here.\n').source).toBe('published:markdown');
  });
});
