import { describe, expect, it } from 'vitest';
import { transcriptFromShowNotes } from './index.js';

describe('transcriptFromShowNotes', () => {
  it('splits notes into untimed sentence segments at time 0', () => {
    const t = transcriptFromShowNotes(
      'We talk about Rust. Also about Go!\n\nLinks:\n- https://example.com/a\n- Our sponsor Acme Inc. makes things.',
      { language: 'en' },
    );
    expect(t).toMatchObject({ source: 'shownotes', language: 'en' });
    expect(t.segments.map((s) => s.text)).toEqual([
      'We talk about Rust.',
      'Also about Go!',
      'Links:',
      'https://example.com/a',
      'Our sponsor Acme Inc. makes things.',
    ]);
    expect(t.segments.every((s) => s.start === 0 && s.end === 0 && s.untimed === true)).toBe(true);
  });

  it('reduces HTML notes to visible text', () => {
    const t = transcriptFromShowNotes('<p>First point.</p><script>bad()</script><ul><li>Second &amp; last.</li></ul>');
    expect(t.segments.map((s) => s.text)).toEqual(['First point.', 'Second & last.']);
  });

  it('throws transcript_invalid for empty notes', () => {
    for (const notes of ['  \n ', '<p> </p><script>x()</script>']) {
      expect(() => transcriptFromShowNotes(notes)).toThrow(
        expect.objectContaining({ name: 'AppError', code: 'transcript_invalid' }),
      );
    }
  });
});
