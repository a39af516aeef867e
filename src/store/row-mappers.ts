import type { Selectable } from 'kysely';
import type { Brief, BriefItem } from '../model/brief.js';
import type { Person, TranscriptLink } from '../model/feed.js';
import type { StoredInsight } from '../model/insight.js';
import type { Segment, Transcript, TranscriptSource } from '../model/transcript.js';
import type { User } from '../model/user.js';
import type {
  BriefsTable,
  DeliveriesTable,
  SuppressionsTable,
  EpisodesTable,
  FeedsTable,
  InsightsTable,
  TranscriptsTable,
  UsersTable,
} from './schema.js';
import type { DeliveryRow, EpisodeRow, FeedRow, Suppression } from './types.js';
import { fromJson } from './values.js';

export function toFeedRow(r: Selectable<FeedsTable>): FeedRow {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    description: r.description,
    link: r.link,
    imageUrl: r.image_url,
    language: r.language,
    etag: r.etag,
    lastModified: r.last_modified,
    contentHash: r.content_hash,
    lastPolledAt: r.last_polled_at,
    nextPollAt: r.next_poll_at,
    errorCount: r.error_count,
    lastError: r.last_error,
    status: r.status as FeedRow['status'],
    createdAt: r.created_at,
    cadenceSeconds: r.cadence_seconds,
    fullFetchedAt: r.full_fetched_at,
  };
}

export function toEpisodeRow(r: Selectable<EpisodesTable>): EpisodeRow {
  return {
    id: r.id,
    feedId: r.feed_id,
    guid: r.guid,
    title: r.title,
    description: r.description,
    link: r.link,
    publishedAt: r.published_at,
    firstSeenAt: r.first_seen_at,
    durationSeconds: r.duration_seconds,
    audioUrl: r.audio_url,
    audioType: r.audio_type,
    transcripts: fromJson<TranscriptLink[]>(r.transcripts, 'episode transcripts'),
    persons: fromJson<Person[]>(r.persons, 'episode persons'),
    episodeType: r.episode_type as EpisodeRow['episodeType'],
    status: r.status as EpisodeRow['status'],
    lastError: r.last_error,
    failures: r.failures,
    retryAt: r.retry_at,
  };
}

export function toTranscript(r: Selectable<TranscriptsTable>): Transcript {
  return {
    segments: fromJson<Segment[]>(r.segments, 'transcript segments'),
    ...(r.language === null ? {} : { language: r.language }),
    source: r.source as TranscriptSource,
    hash: r.hash,
  };
}

export function toStoredInsight(r: Selectable<InsightsTable>): StoredInsight {
  return {
    id: r.id,
    episodeId: r.episode_id,
    feedId: r.feed_id,
    text: r.text,
    headline: r.headline,
    quote: r.quote,
    start: r.start_seconds,
    end: r.end_seconds,
    ...(r.speaker === null ? {} : { speaker: r.speaker }),
    score: r.score,
  };
}

export function toUser(r: Selectable<UsersTable>): User {
  return {
    id: r.id,
    email: r.email,
    interests: fromJson<string[]>(r.interests, 'user interests'),
    timezone: r.timezone,
    deliveryHour: r.delivery_hour,
    status: r.status as User['status'],
    unsubscribeToken: r.unsubscribe_token,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    ...(r.paused_at ? { pausedAt: r.paused_at } : {}),
  };
}

export function toBrief(r: Selectable<BriefsTable>): Brief {
  return {
    id: r.id,
    userId: r.user_id,
    date: r.date,
    items: fromJson<BriefItem[]>(r.items, 'brief items'),
    createdAt: r.created_at,
  };
}

export function toDeliveryRow(r: Selectable<DeliveriesTable>): DeliveryRow {
  return {
    id: r.id,
    briefId: r.brief_id,
    userId: r.user_id,
    status: r.status as DeliveryRow['status'],
    attempts: r.attempts,
    transport: r.transport,
    messageId: r.message_id,
    location: r.location,
    lastError: r.last_error,
    sentAt: r.sent_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastErrorCode: r.last_error_code,
    possibleDuplicates: Number(r.possible_duplicates),
  };
}

export function toSuppression(r: Selectable<SuppressionsTable>): Suppression {
  return {
    email: r.email,
    userId: r.user_id,
    reason: r.reason,
    responseCode: r.response_code,
    detail: r.detail,
    createdAt: r.created_at,
  };
}
