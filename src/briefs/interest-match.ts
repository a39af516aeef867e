/** Turns text into comparable content terms (stemmed, stop words dropped). */
export type TermsOf = (text: string) => string[];

export interface InterestMatch {
  /** 0..1: the share of the best-matching interest's terms found in the text. */
  score: number;
  interest?: string;
}

export function interestMatch(interests: string[], text: string, termsOf: TermsOf): InterestMatch {
  const have = new Set(termsOf(text));
  let best: InterestMatch = { score: 0 };
  for (const interest of interests) {
    const want = [...new Set(termsOf(interest))];
    if (want.length === 0) continue;
    const found = want.filter((t) => have.has(t)).length / want.length;
    if (found > best.score) best = { score: found, interest };
  }
  return best;
}
