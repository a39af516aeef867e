export interface PhrasePatternOptions {
  /** What must come before a phrase: a word boundary (default), the start of the text, or nothing. */
  start?: 'word' | 'text' | 'any';
  /** What must come after it: a word boundary, or anything (default). */
  end?: 'word' | 'any';
  flags?: string;
}

const START = { word: '\\b', text: '^', any: '' } as const;
const END = { word: '\\b', any: '' } as const;

/**
 * One regex that matches any of a list of phrases, so a long alternation reads as a list, one phrase
 * a line. A string is a literal phrase; a RegExp is a phrase with variants (only its source is used).
 */
export function phrasePattern(phrases: ReadonlyArray<string | RegExp>, options: PhrasePatternOptions = {}): RegExp {
  const alternatives = phrases.map((p) => (typeof p === 'string' ? escapeRegExp(p) : p.source));
  return new RegExp(
    `${START[options.start ?? 'word']}(?:${alternatives.join('|')})${END[options.end ?? 'any']}`,
    options.flags,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
