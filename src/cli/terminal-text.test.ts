import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminal-text.js';

describe('terminalSafe', () => {
  it.each([
    [
      'an OSC 8 hyperlink keeps only its text',
      '\u001b]8;;https://evil.example/\u001b\\Click\u001b]8;;\u001b\\ me',
      'Click me',
    ],
    ['an OSC ended by BEL (window title)', 'A\u001b]0;pwned\u0007B', 'AB'],
    ['clear screen and cursor moves', '\u001b[2J\u001b[HTitle\u001b[31m red\u001b[0m', 'Title red'],
    ['8-bit CSI and OSC', 'x\u009b2Jy\u009d0;t\u009cz', 'xyz'],
    ['carriage return, backspace, bell and NUL', 'ok\rFAKE\b\u0007\u0000', 'okFAKE'],
    ['bidi overrides', 'abc\u202egnp.exe', 'abcgnp.exe'],
    ['a lone ESC at the end', 'title\u001b', 'title'],
  ])('removes %s', (_what, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('keeps tabs, newlines and ordinary Unicode', () => {
    const text = 'Ça va?\tGrüße — 日本語 🎙️\nline two';
    expect(terminalSafe(text)).toBe(text);
  });
});
