import type { PartOfSpeech } from 'wink-nlp';
import { wink } from './wink.js';

/** One token with everything later stages need, read from wink in bulk (one pass per property). */
export interface Token {
  value: string;
  normal: string;
  pos: PartOfSpeech;
  /** Whitespace before the token in the source text. */
  space: string;
  /** Char offset of the token in the analysed text. */
  offset: number;
  isWord: boolean;
  isNumber: boolean;
  isPunct: boolean;
  isStop: boolean;
}

export interface AnalysedText {
  tokens: Token[];
  /** Token index ranges [from, to] inclusive, one per sentence. */
  sentences: Array<[number, number]>;
}

export function analyse(text: string): AnalysedText {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value);
  const normals = all.out(its.normal);
  const types = all.out(its.type);
  const pos = all.out(its.pos) as PartOfSpeech[];
  const spaces = all.out(its.precedingSpaces);
  const stops = all.out(its.stopWordFlag) as unknown as boolean[];
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i += 1) {
    const space = spaces[i] ?? '';
    const value = values[i] ?? '';
    offset += space.length;
    const type = types[i];
    tokens.push({
      value,
      normal: normals[i] ?? value.toLowerCase(),
      pos: pos[i] ?? 'X',
      space,
      offset,
      isWord: type === 'word' || type === 'number' || type === 'ordinal' || type === 'hashtag',
      isNumber: type === 'number' || type === 'ordinal' || pos[i] === 'NUM',
      isPunct: type === 'punctuation' || type === 'symbol',
      isStop: stops[i] === true,
    });
    offset += value.length;
  }
  const sentences = (doc.sentences().out(its.span) as unknown as Array<[number, number]>).map(
    ([from, to]) => [from, to] as [number, number],
  );
  return { tokens, sentences };
}
