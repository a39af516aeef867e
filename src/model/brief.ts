export interface RelatedItem {
  insightId: number;
  text: string;
  headline: string;
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
}

export interface Brief {
  id: number;
  userId: number;
  /** Local calendar date of the subscriber, YYYY-MM-DD. */
  date: string;
  items: BriefItem[];
  createdAt: string;
}
