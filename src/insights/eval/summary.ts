export interface SystemScores {
  rouge1Recall: number;
  /** Share of the system's items that match some reference point. */
  insightsMatched: number;
  /** Share of reference points that some item matches. */
  referencesMatched: number;
  items: number;
  avgWords: number;
}

export interface Ratios {
  rouge1Recall: number | null;
  insightsMatched: number | null;
  referencesMatched: number | null;
}

export interface Summary {
  average: Record<string, SystemScores>;
  /** The first system's averages over TextRank's (null when TextRank scored 0). */
  ratioToTextRank: Ratios | null;
}

const FIELDS = ['rouge1Recall', 'insightsMatched', 'referencesMatched', 'items', 'avgWords'] as const;

function mean(rows: SystemScores[]): SystemScores {
  const out = { rouge1Recall: 0, insightsMatched: 0, referencesMatched: 0, items: 0, avgWords: 0 };
  for (const f of FIELDS) out[f] = rows.length ? rows.reduce((a, s) => a + s[f], 0) / rows.length : 0;
  return out;
}

/** Per-system means over episodes, and the engine/TextRank ratio of those means. */
export function summarize(episodes: Array<{ systems: Record<string, SystemScores> }>, systems: string[]): Summary {
  const average = Object.fromEntries(
    systems.map((name) => [
      name,
      mean(episodes.map((e) => e.systems[name]).filter((s): s is SystemScores => s !== undefined)),
    ]),
  );
  const engine = systems[0] ? average[systems[0]] : undefined;
  const textrank = average[systems.find((n) => n.startsWith('textrank')) ?? ''];
  const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
  return {
    average,
    ratioToTextRank:
      engine && textrank
        ? {
            rouge1Recall: ratio(engine.rouge1Recall, textrank.rouge1Recall),
            insightsMatched: ratio(engine.insightsMatched, textrank.insightsMatched),
            referencesMatched: ratio(engine.referencesMatched, textrank.referencesMatched),
          }
        : null,
  };
}
