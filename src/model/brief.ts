/** How a related insight stands to the one it is shown under, where the words can tell. */
export type RelationLabel = 'agrees' | 'contradicts' | 'extends';

export interface RelatedItem {
  insightId: number;
  text: string;
  headline: string;
  podcastTitle: string;
  episodeTitle: string;
  timestampUrl?: string;
  relation?: RelationLabel;
  fromShowNotes?: true;
}

/** Another show that made the same point (a near-duplicate folded into this item). */
export interface AlsoOn {
  insightId?: number;
  podcastTitle: string;
  episodeTitle: string;
  timestampUrl?: string;
}

export interface BriefItem {
  insightId: number;
  headline: string;
  text: string;
  quote: string;
  start: number;
  end: number;
  speaker?: string;
  podcastTitle: string;
  episodeTitle: string;
  /** Episode page or audio URL with `#t=<seconds>`. */
  timestampUrl?: string;
  /** Why this subscriber got it, e.g. `matches your interest "open-source models"`. */
  reason?: string;
  related: RelatedItem[];
  /** The same talking point on other shows, folded into this item. */
  alsoOn?: AlsoOn[];
  /**
   * From the episode's show notes, not what was said: shown without a quote, a timestamp link or
   * a speaker, labelled "from the show notes".
   */
  fromShowNotes?: true;
}

export interface Brief {
  id: number;
  userId: number;
  /** Local calendar date of the subscriber, YYYY-MM-DD. */
  date: string;
  items: BriefItem[];
  createdAt: string;
}
