import type { Generated } from 'kysely';

/**
 * Kysely table types. Timestamps are ISO-8601 UTC strings (`Date#toISOString()`) stored as
 * TEXT on both dialects, so they compare correctly as text; JSON columns are TEXT too.
 */
export interface FeedsTable {
  id: Generated<number>;
  url: string;
  title: string | null;
  description: string | null;
  link: string | null;
  image_url: string | null;
  language: string | null;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  last_polled_at: string | null;
  next_poll_at: string | null;
  error_count: Generated<number>;
  last_error: string | null;
  status: Generated<string>;
  created_at: string;
  /** The feed URL's userinfo (`user:password`), sent as HTTP Basic auth; never shown. */
  auth: string | null;
  /** Median seconds between the feed's recent episodes; null until it has three dated ones. */
  cadence_seconds: number | null;
  /** When a poll last got the body (a 200), conditional or not. */
  full_fetched_at: string | null;
  /** Set while a poller holds the feed (0011), so two pollers never fetch it both. */
  poll_lease_until: string | null;
  /** JSON array of the feed's category names (0015); null until a poll stores them. */
  categories: string | null;
}

export interface EpisodesTable {
  id: Generated<number>;
  feed_id: number;
  guid: string;
  title: string;
  description: string | null;
  link: string | null;
  published_at: string | null;
  first_seen_at: string;
  updated_at: string;
  duration_seconds: number | null;
  audio_url: string | null;
  audio_type: string | null;
  transcripts: string;
  persons: string;
  /** itunes:episodeType, 'full' | 'trailer' | 'bonus' (0016); null when the feed says none. */
  episode_type: string | null;
  status: Generated<string>;
  last_error: string | null;
  failures: Generated<number>;
  retry_at: string | null;
  claimed_until: string | null;
}

export interface TranscriptsTable {
  episode_id: number;
  source: string;
  language: string | null;
  hash: string;
  segments: string;
  created_at: string;
}

export interface InsightsTable {
  id: Generated<number>;
  episode_id: number;
  feed_id: number;
  position: number;
  headline: string;
  text: string;
  quote: string;
  start_seconds: number;
  end_seconds: number;
  speaker: string | null;
  score: number;
  engine: string;
  created_at: string;
  /** A hash of the insight's words (0011): the same text keeps its id, and is not sent twice. */
  text_key: string | null;
  /** Set when a re-extraction no longer found this insight but a brief showed it (0011). */
  retired_at: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  interests: string;
  timezone: string;
  delivery_hour: number;
  status: Generated<string>;
  unsubscribe_token: string;
  created_at: string;
  /** Null until the subscriber confirms a web sign-up (0007). */
  confirmed_at: string | null;
  /** Set while the subscriber has paused their briefs (0008). */
  paused_at: string | null;
  /** sha256 (hex) of the token in the subscriber's private feed URL (0008). */
  feed_token_hash: string | null;
}

export interface BriefsTable {
  id: Generated<number>;
  user_id: number;
  date: string;
  items: string;
  created_at: string;
}

interface BriefInsightsTable {
  brief_id: number;
  user_id: number;
  insight_id: number;
}

export interface DeliveriesTable {
  id: Generated<number>;
  brief_id: number;
  user_id: number;
  status: Generated<string>;
  attempts: Generated<number>;
  transport: string | null;
  message_id: string | null;
  location: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
  /** Refreshed while a send is in progress; a 'sending' row whose heartbeat is stale died with its worker. */
  heartbeat_at: string | null;
  /** Times this delivery was re-claimed from a dead worker's 'sending': each may have sent a duplicate. */
  possible_duplicates: Generated<number>;
  last_error_code: string | null;
}

export interface SuppressionsTable {
  id: Generated<number>;
  email: string;
  user_id: number | null;
  reason: string;
  response_code: number | null;
  detail: string | null;
  created_at: string;
}

export interface Database {
  feeds: FeedsTable;
  episodes: EpisodesTable;
  transcripts: TranscriptsTable;
  insights: InsightsTable;
  users: UsersTable;
  briefs: BriefsTable;
  brief_insights: BriefInsightsTable;
  deliveries: DeliveriesTable;
  suppressions: SuppressionsTable;
}
