/** A self-contained takeaway grounded in a verbatim quote from its transcript. */
export interface Insight {
  /** One paragraph a reader understands without the episode. */
  text: string;
  /** A short headline. */
  headline: string;
  /** Verbatim words from the transcript the insight rests on. */
  quote: string;
  /** Seconds from the start of the episode where the quote begins / ends. */
  start: number;
  end: number;
  /** Only when the transcript itself names the speaker. */
  speaker?: string;
  /** Higher is better; comparable within one engine. */
  score: number;
}

/** An insight as stored, with the episode it came from. */
export interface StoredInsight extends Insight {
  id: number;
  episodeId: number;
  feedId: number;
}

export interface RelateInput {
  id: string;
  text: string;
}

export interface RelatedGroups {
  groups: string[][];
}
