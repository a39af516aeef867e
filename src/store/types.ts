import type { EpisodeType, ParsedEpisode, TranscriptLink, Person } from '../model/feed.js';
import type { Insight, StoredInsight } from '../model/insight.js';
import type { Brief, BriefItem } from '../model/brief.js';
import type { Transcript } from '../model/transcript.js';
import type { User } from '../model/user.js';

/** What a worker claims an episode for: processing it, or re-extracting it with a better engine. */
export type EpisodeWork = 'process' | { upgradeTo: string };

export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  description: string | null;
  link: string | null;
  imageUrl: string | null;
  language: string | null;
  etag: string | null;
  lastModified: string | null;
  /** sha256 of the last body parsed, to skip servers that ignore conditional GET. */
  contentHash: string | null;
  lastPolledAt: string | null;
  nextPollAt: string | null;
  errorCount: number;
  lastError: string | null;
  /** 'paused': failed POLL_PAUSE_AFTER_FAILURES times in a row; retried at the max interval until it recovers. */
  status: 'active' | 'gone' | 'paused';
  createdAt: string;
  /** Median seconds between the feed's recent episodes; null until it has three dated ones. */
  cadenceSeconds: number | null;
  /** When a poll last got the body (a 200), conditional or not. */
  fullFetchedAt: string | null;
}

export interface FeedPollUpdate {
  title?: string | null;
  description?: string | null;
  categories?: string[];
  link?: string | null;
  imageUrl?: string | null;
  language?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  contentHash?: string | null;
  lastPolledAt?: string;
  nextPollAt?: string | null;
  errorCount?: number;
  lastError?: string | null;
  status?: FeedRow['status'];
  cadenceSeconds?: number | null;
  fullFetchedAt?: string | null;
}

/** A show's own words about itself, which ranking matches a subscriber's interests against. */
export interface ShowText {
  title: string | null;
  description: string | null;
  /** itunes:category and RSS <category> names ("News", "Politics"). */
  categories: string[];
}

export interface EpisodeRow {
  id: number;
  feedId: number;
  guid: string;
  title: string;
  description: string | null;
  link: string | null;
  publishedAt: string | null;
  firstSeenAt: string;
  durationSeconds: number | null;
  audioUrl: string | null;
  audioType: string | null;
  transcripts: TranscriptLink[];
  persons: Person[];
  /** itunes:episodeType; null when the feed says none. A trailer is never processed for insights. */
  episodeType: EpisodeType | null;
  /** 'new' until a transcript is stored, 'transcribed', then 'extracted' once insights exist, or 'failed'. */
  status: 'new' | 'transcribed' | 'extracted' | 'failed';
  lastError: string | null;
  /** Failed attempts so far. */
  failures: number;
  /** When a failed episode is tried again; null once given up (or never failed). */
  retryAt: string | null;
}

/** Opens a feed's sealed credentials ('user:password'); throws when no key of SECRET_KEY opens them. */
export type OpenFeedAuth = () => Promise<string>;

export interface UpsertResult {
  updated: number;
  /** The episodes it inserted (status 'new', first seen at `seenAt`): what a poll hands on for processing. */
  insertedIds: number[];
}

/** An insight with what a brief needs to show it. */
export interface InsightWithContext extends StoredInsight {
  podcastTitle: string;
  episodeTitle: string;
  episodeLink: string | null;
  audioUrl: string | null;
  publishedAt: string | null;
  firstSeenAt: string;
  /** When the insight was extracted; later than firstSeenAt when transcription was slow. */
  extractedAt: string;
  /** Extracted from the episode's show notes (no transcript): no quote, time or speaker to show. */
  fromShowNotes?: boolean;
  /** A re-extraction no longer found it, but a brief showed it: it only tells what was sent. */
  retired?: true;
}

/** cancelled: the subscriber left before it went out; bounced: the server refused the address for good (5xx). */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'bounced';

export interface DeliveryRow {
  id: number;
  briefId: number;
  userId: number;
  status: DeliveryStatus;
  attempts: number;
  transport: string | null;
  messageId: string | null;
  /** Where an outbox delivery was written. */
  location: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  /** When the status last changed: the start of a claim's lease, the time of the last failure. */
  updatedAt: string;
  /** Stable code of the last error (e.g. smtp_rejected, smtp_timeout). */
  lastErrorCode: string | null;
  /** Times it was re-claimed from a worker that died mid-send: each may have delivered a duplicate. */
  possibleDuplicates: number;
}

/** Why an address gets no more mail. */
export interface Suppression {
  email: string;
  userId: number | null;
  /** e.g. `hard_bounce`. */
  reason: string;
  /** The SMTP reply code that caused it, when there was one. */
  responseCode: number | null;
  detail: string | null;
  createdAt: string;
}

/** Row counts by kind and usage totals, for /metrics. */
export interface MetricsSnapshot {
  feeds: { status: string; n: number; failing: number }[];
  episodes: { key: string; n: number }[];
  transcripts: { key: string; n: number }[];
  insights: { key: string; n: number }[];
  briefs: number;
  deliveries: { key: string; n: number }[];
  suppressed: number;
  llm: { provider: string; model: string; calls: number; inputTokens: number; outputTokens: number; costUsd: number }[];
  asr: { engine: string; model: string; audioSeconds: number; costUsd: number }[];
}

/** What an operator checks first: where episodes and deliveries stand. */
export interface StatusCounts {
  episodes: { new: number; transcribed: number; extracted: number; failedRetrying: number; failedGivenUp: number };
  deliveries: {
    pending: number;
    sending: number;
    sent: number;
    failed: number;
    cancelled: number;
    bounced: number;
    /** Sum over deliveries of re-claims from a worker that died mid-send. */
    possibleDuplicates: number;
  };
  /** Addresses that get no more mail (hard bounces). */
  suppressed: number;
}

/** When a delivery may be (re)claimed; see src/delivery/retry-policy.ts for the defaults. */
export interface DeliveryClaimRules {
  now: Date;
  /** A 'sending' claim whose last heartbeat (or start) is older than this died with its worker and is re-claimed. */
  leaseMs: number;
  /** A failed delivery is not retried once it has been attempted this many times. */
  maxAttempts: number;
  /** How long after its n-th failed attempt a delivery may be retried. */
  retryDelayMs(attempts: number): number;
}

export interface NewUser {
  email: string;
  interests: string[];
  timezone?: string;
  deliveryHour?: number;
  /** False for a web sign-up awaiting its confirmation link (default true: the CLI adds confirmed users). */
  confirmed?: boolean;
}

/** What a one-time token emailed to a subscriber is for; a token is valid for its purpose only. */
export type AuthTokenPurpose = 'confirm' | 'login';

export interface NewAuthToken {
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  tokenHash: string;
  purpose: AuthTokenPurpose;
  userId: number;
  /** How many times it may be used (mail scanners open links too). */
  maxUses: number;
  at: Date;
  expiresAt: Date;
}

export interface SessionRow {
  userId: number;
  /** When the subscriber signed in with a link: some actions need a recent sign-in. */
  signedInAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** One answered call of the LLM insight engine, as recorded for cost and the daily budget. */
export interface LlmCallRecord {
  id: number;
  /** Null for extractions outside the pipeline (the CLI). */
  episodeId: number | null;
  transcriptHash: string;
  provider: string;
  model: string;
  promptVersion: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  durationMs: number;
  /** 'ok', or why the answer was unusable (e.g. 'malformed_output'): it was paid for either way. */
  outcome: string;
  createdAt: string;
}

export type NewLlmCall = Omit<LlmCallRecord, 'id' | 'createdAt'> & { at: Date };

/** What makes two LLM extractions the same, so the second one is never paid for. */
export interface LlmCacheKey {
  transcriptHash: string;
  engine: string;
  model: string;
  promptVersion: string;
}

/** An insight's entry in the insight index: weighted features, and an embedding when an endpoint made one. */
export interface InsightIndexEntry {
  insightId: number;
  /** Weighted features (stems, names, word pairs, noun phrases) before any pool-level IDF. */
  terms: Record<string, number>;
  embedding?: number[];
  embeddingModel?: string;
}

export type FeedbackValue = 'up' | 'down' | 'more' | 'less' | 'click';

export interface NewFeedback {
  userId: number;
  insightId: number;
  value: FeedbackValue;
  feedId: number | null;
  headline: string;
  /** The insight's strongest features, so the profile outlives the insight. */
  terms: Record<string, number>;
  at: Date;
}

export type FeedbackRow = Omit<NewFeedback, 'at'> & { createdAt: string };

export interface ProfileRow {
  userId: number;
  /** Free-text description of what the subscriber wants to hear about. */
  about: string;
  /** Only insights from followed shows (a subscriber who asked for one show gets only it). */
  onlyFollowed: boolean;
  followedFeedIds: number[];
}

/** One chunk a speech-to-text engine charged for (free engines are not recorded). */
export interface NewAsrUsage {
  /** Null for transcriptions outside the pipeline. */
  episodeId: number | null;
  audioHash: string;
  engine: string;
  model: string;
  chunkIndex: number;
  audioSeconds: number;
  costUsd: number;
  at: Date;
}

/** An episode's speech-to-text spend, per engine and model. */
export interface AsrUsageSummary {
  engine: string;
  model: string;
  audioSeconds: number;
  costUsd: number;
  chunks: number;
}

/**
 * The one persistence seam. Every method reads as English; implementations share one
 * Kysely query set over SQLite (embedded) or PostgreSQL (scale).
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';

  // feeds
  /**
   * Adds a feed by URL, once. Credentials in the URL (`user:pass@`) are stored apart (feedAuth) and
   * the feed's `url` is kept without them; adding the known URL with credentials replaces them.
   */
  addFeed(url: string): Promise<{ feed: FeedRow; created: boolean }>;
  /**
   * Deletes a feed and, through the foreign keys, its episodes, transcripts, insights and follows.
   * Briefs already composed keep their items (JSON) and brief_insights; false when there was no such feed.
   */
  removeFeed(id: number): Promise<boolean>;
  /** The feed's stored credentials (`user:password` as in a URL), for the fetch only; never shown. */
  feedAuth(id: number): Promise<string | null>;
  feedById(id: number): Promise<FeedRow | undefined>;
  /** What each of these shows says it is about (title, description), by feed id; repeated ids are read once, unknown ids are left out. */
  showTexts(feedIds: number[]): Promise<Map<number, ShowText>>;
  /**
   * The feed for polling it, in one read: `auth` is null when it has no credentials, else what opens
   * them (as feedAuth, from this read; the poll calls it, where a wrong key fails only that feed).
   */
  feedToPoll(id: number): Promise<{ feed: FeedRow; auth: OpenFeedAuth | null } | undefined>;
  feedByUrl(url: string): Promise<FeedRow | undefined>;
  listFeeds(): Promise<FeedRow[]>;
  /** Active feeds whose nextPollAt is null or <= now. */
  dueFeeds(now: Date): Promise<FeedRow[]>;
  /**
   * Takes up to `limit` of the due feeds (in dueFeeds' order) that no other poller holds, for
   * `leaseMs` from `now`: of several pollers on one database, each feed goes to one. Rescheduling a
   * feed (updateFeed with nextPollAt) ends its lease.
   */
  claimDueFeeds(now: Date, limit: number, leaseMs: number): Promise<FeedRow[]>;
  /** Extends to `leaseMs` from `now` the lease of each of these feeds still leased (not rescheduled since). */
  renewFeedLeases(ids: number[], now: Date, leaseMs: number): Promise<void>;
  updateFeed(id: number, update: FeedPollUpdate): Promise<void>;

  // episodes
  /** Insert new episodes by (feedId, guid) and refresh changed metadata; never duplicates. */
  upsertEpisodes(feedId: number, episodes: ParsedEpisode[], seenAt: Date): Promise<UpsertResult>;
  episodeById(id: number): Promise<EpisodeRow | undefined>;
  episodesByFeed(feedId: number): Promise<EpisodeRow[]>;
  /**
   * Episodes with status 'new' or 'transcribed', or 'failed' and due for a retry at `now`, first
   * seen at or after `since`, oldest first.
   */
  episodesToProcess(since: Date, limit: number, now?: Date): Promise<EpisodeRow[]>;
  /**
   * Extracted episodes first seen at or after `since` whose insights came from another engine
   * than `engine` and none of which is in a brief yet: newest first.
   */
  episodesToUpgrade(engine: string, since: Date, limit: number): Promise<EpisodeRow[]>;
  /**
   * Takes the episode for `leaseMs` when it still needs `work` (as episodesToProcess,
   * episodesAwaitingPublishedTranscript or episodesToUpgrade would list it) and no other worker
   * holds an unexpired lease on it; true when taken. releaseEpisode gives it back. A worker that
   * listed the episode before another finished it gets false: finished work is never redone.
   */
  claimEpisode(id: number, now: Date, leaseMs: number, work: EpisodeWork): Promise<boolean>;
  /**
   * claimEpisode for processing, of an episode due for it as episodesToProcess lists them (not one
   * only awaiting a published transcript), in the one statement: the episode as claimed, else undefined.
   */
  claimEpisodeToProcess(id: number, now: Date, leaseMs: number): Promise<EpisodeRow | undefined>;
  releaseEpisode(id: number): Promise<void>;
  /** Sets the status; `lastError` omitted clears it. */
  markEpisode(id: number, status: EpisodeRow['status'], lastError?: string | null): Promise<void>;
  /** Marks it failed, counts the failure and sets when to try again (null: give up). */
  markEpisodeFailed(id: number, error: string, retryAt: Date | null): Promise<void>;

  // transcripts
  /** Stores or replaces the episode's one transcript; moves a 'new' episode to 'transcribed'. */
  saveTranscript(episodeId: number, transcript: Transcript): Promise<void>;
  transcriptByEpisode(episodeId: number): Promise<Transcript | undefined>;
  /** The feed's `limit` newest stored transcripts (by publication date, undated last), in one query. */
  recentTranscriptsByFeed(feedId: number, limit: number): Promise<Array<{ episodeId: number; transcript: Transcript }>>;

  // insights
  /**
   * Replace the episode's insights atomically (re-extraction never duplicates) and mark the
   * episode 'extracted', even when there are none; returns the episode's insights now. An insight
   * found again (same quote, else same words) keeps its id and first extraction time; one no longer
   * found is deleted, unless a brief showed it: then it is retired (kept for insightById, left out
   * of insightsByEpisode and insightsSince). Ids are never reused.
   */
  replaceInsights(episodeId: number, insights: Insight[], engine: string): Promise<StoredInsight[]>;
  /** Its current insights (not retired), by position. */
  insightsByEpisode(episodeId: number): Promise<StoredInsight[]>;
  /**
   * Insights of episodes first seen at or after `since` (published date is not trusted for
   * eligibility), oldest episode first, then by position. podcastTitle falls back to the feed URL.
   * Retired insights only `withRetired` (marked `retired`), for recognising what was sent.
   */
  insightsSince(since: Date, opts?: { withRetired?: boolean }): Promise<InsightWithContext[]>;

  // users
  /** Idempotent by case-insensitive email (an existing user is returned unchanged). */
  addUser(user: NewUser): Promise<{ user: User; created: boolean }>;
  userByEmail(email: string): Promise<User | undefined>;
  userById(id: number): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  /** Up to `limit` users with an id above `afterId`, by id: all of them a page at a time. */
  usersAfter(afterId: number, limit: number): Promise<User[]>;
  setUserStatus(id: number, status: User['status']): Promise<void>;
  updateUser(id: number, patch: Partial<Pick<User, 'interests' | 'timezone' | 'deliveryHour'>>): Promise<void>;

  // briefs
  /**
   * Stores the brief unless one exists for (userId, date); returns undefined in that case.
   * In the same transaction records its items' insight ids and a 'pending' delivery.
   */
  createBrief(userId: number, date: string, items: BriefItem[]): Promise<Brief | undefined>;
  briefFor(userId: number, date: string): Promise<Brief | undefined>;
  briefById(id: number): Promise<Brief | undefined>;
  latestBrief(userId: number): Promise<Brief | undefined>;
  listBriefs(limit: number): Promise<Brief[]>;
  /** Insight ids already sent to this user in any brief, and of every insight with the same words as one sent. */
  sentInsightIds(userId: number): Promise<Set<number>>;
  /** sentInsightIds(userId).has(insightId), without reading the whole set. */
  wasSentTo(userId: number, insightId: number): Promise<boolean>;

  // deliveries (one row per brief: the outbox that makes sends idempotent)
  deliveryForBrief(briefId: number): Promise<DeliveryRow | undefined>;
  /**
   * Atomically moves the brief's delivery to 'sending' and returns it when it is pending, failed
   * and due for a retry, or 'sending' past its lease; returns undefined otherwise (sent, someone
   * else has it, waiting for its retry, or out of attempts).
   */
  claimDelivery(briefId: number, rules: DeliveryClaimRules): Promise<DeliveryRow | undefined>;
  /** Throws `delivery_not_found` for an unknown id (as does markDeliveryFailed). */
  markDeliverySent(
    id: number,
    sent: { transport: string; messageId: string | null; location: string | null },
  ): Promise<void>;
  /**
   * Makes the delivery claimable again once its backoff from `at` (default now, the clock of
   * the claim rules) has passed; never downgrades one already 'sent'.
   */
  markDeliveryFailed(id: number, error: string, at?: Date, code?: string): Promise<void>;
  /** Keeps a send in progress from being taken for dead (see DeliveryClaimRules.leaseMs). */
  heartbeatDelivery(id: number, at?: Date): Promise<void>;
  /**
   * Ends a claimed delivery without sending: 'cancelled' (the subscriber left) or 'bounced' (a hard
   * bounce). Never retried. Does nothing to a delivery already sent.
   */
  closeDelivery(id: number, close: { status: 'cancelled' | 'bounced'; error: string; code: string }): Promise<void>;

  // the same writes for many deliveries at once (see src/delivery/batched-store.ts)
  /**
   * createBrief for each of `create` (undefined where that (user, date) already had a brief),
   * claimDelivery for each brief of each claim set (one statement a set; the deliveries claimed, in
   * no particular order) and markDeliverySent for each of `sent`, in one transaction: a send run's
   * writes of one moment cost one commit. All or nothing: throws `delivery_not_found` if any sent id is unknown.
   */
  deliveryRound(round: {
    create: { userId: number; date: string; items: BriefItem[] }[];
    claims: { briefIds: number[]; rules: DeliveryClaimRules }[];
    sent: { id: number; transport: string; messageId: string | null; location: string | null }[];
  }): Promise<{ created: (Brief | undefined)[]; claimed: DeliveryRow[][] }>;

  // the reads of composing and sending, for many subscribers at once (see src/delivery/batched-store.ts)
  /** briefFor for each (user, date), in order. */
  briefsFor(keys: { userId: number; date: string }[]): Promise<(Brief | undefined)[]>;
  /** Whether each (user, date)'s brief is past sending (sent, bounced or cancelled: nothing more goes out for it), in order. */
  deliveryOverFor(keys: { userId: number; date: string }[]): Promise<boolean[]>;
  /** sentInsightIds for each user (every id given is a key). */
  sentInsightIdsOf(userIds: number[]): Promise<Map<number, Set<number>>>;
  /** profileOf for each user (every id given is a key). */
  profilesOf(userIds: number[]): Promise<Map<number, ProfileRow>>;
  /** feedbackOf for each user (every id given is a key). */
  feedbackOfUsers(userIds: number[], since: Date): Promise<Map<number, FeedbackRow[]>>;
  /** The users of these ids that exist. */
  usersById(ids: number[]): Promise<Map<number, User>>;
  /** suppressionFor for each address, in order. */
  suppressionsFor(emails: string[]): Promise<(Suppression | undefined)[]>;

  // suppressions (addresses that get no more mail)
  /** Records the suppression (once per address, case-insensitive); returns the one in force. */
  suppressAddress(s: Omit<Suppression, 'createdAt'> & { at?: Date }): Promise<Suppression>;
  suppressionFor(email: string): Promise<Suppression | undefined>;
  listSuppressions(): Promise<Suppression[]>;
  /** Newest first (as is listBriefs). */
  listDeliveries(limit: number): Promise<DeliveryRow[]>;
  statusCounts(): Promise<StatusCounts>;
  /** Fails when the database does not answer. */
  ping(): Promise<void>;
  metricsSnapshot(): Promise<MetricsSnapshot>;

  // LLM usage (cost records, daily budget) and the LLM result cache
  recordLlmCall(call: NewLlmCall): Promise<void>;
  /** Total costUsd of calls recorded at or after `since`. */
  llmSpendSince(since: Date): Promise<number>;
  /** Oldest first. */
  llmCallsByEpisode(episodeId: number): Promise<LlmCallRecord[]>;
  cachedLlmInsights(key: LlmCacheKey): Promise<Insight[] | undefined>;
  /** Keeps the entry already there when two extractions of the same key race. */
  cacheLlmInsights(key: LlmCacheKey, insights: Insight[]): Promise<void>;

  // send pace (SMTP_RATE_PER_SECOND across every process on the database)
  /**
   * Reserves the next `count` send slots, `gapMs` apart, that no process on this database holds;
   * returns in how many ms (by the database's clock) the first one starts, 0 when it is now. Slots
   * not used are lost, so the rate stays an upper bound.
   */
  reserveSendSlots(count: number, gapMs: number): Promise<number>;

  // insight index, profiles, follows and feedback
  /** Adds or replaces index entries by insight id. */
  saveInsightIndex(entries: InsightIndexEntry[]): Promise<void>;
  insightIndex(insightIds: number[]): Promise<Map<number, InsightIndexEntry>>;
  insightById(id: number): Promise<InsightWithContext | undefined>;
  /** Deletes insights retired before `retiredBefore` that no brief refers to (its user was deleted); returns how many. */
  deleteRetiredInsights(retiredBefore: Date): Promise<number>;
  /** Defaults (no about, not only followed, no follows) for a user without a stored profile. */
  profileOf(userId: number): Promise<ProfileRow>;
  /** Every stored profile or follow, by user. */
  listProfiles(): Promise<ProfileRow[]>;
  updateProfile(userId: number, patch: Partial<Pick<ProfileRow, 'about' | 'onlyFollowed'>>): Promise<void>;
  setFollow(userId: number, feedId: number, follow: boolean): Promise<void>;
  /** A vote replaces the user's earlier vote on that insight; only the first click counts. */
  recordFeedback(feedback: NewFeedback): Promise<void>;
  /** Oldest first. */
  feedbackOf(userId: number, since: Date): Promise<FeedbackRow[]>;

  // speech-to-text spend (cost records, daily budget)
  recordAsrUsage(usage: NewAsrUsage): Promise<void>;
  /** Total costUsd of chunks recorded at or after `since`. */
  asrSpendSince(since: Date): Promise<number>;
  asrUsageByEpisode(episodeId: number): Promise<AsrUsageSummary[]>;
  /** Ids of episodes first seen since `since` whose feed added a transcript link after their stored transcript (speech-to-text or show notes) was made. */
  episodesAwaitingPublishedTranscript(since: Date, limit: number): Promise<number[]>;

  // a signed-in subscriber's account (0008)
  /** The user's briefs, newest date first. */
  briefsByUser(userId: number, page: { limit: number; offset: number }): Promise<Brief[]>;
  countBriefsByUser(userId: number): Promise<number>;
  /** Sets (a Date) or clears (null) the pause: a paused subscriber gets no brief. */
  setPaused(userId: number, at: Date | null): Promise<void>;
  /** The hash of the user's private feed token, if they made one. */
  feedTokenHashOf(userId: number): Promise<string | undefined>;
  /** Stores (or with null removes) the hash; the URL with the previous token stops working. */
  setFeedTokenHash(userId: number, hash: string | null): Promise<void>;
  userByFeedTokenHash(hash: string): Promise<User | undefined>;
  /** Feeds whose title (or, untitled, URL) contains `query`, case-insensitively; by title. */
  searchFeeds(query: string, limit: number): Promise<FeedRow[]>;
  /**
   * Erases the user and every row that names them (briefs, deliveries, brief_insights, feedback,
   * follows, profile, and any other table with a user_id column) in one transaction.
   */
  deleteUserData(userId: number): Promise<void>;
  // web sign-up, sign-in and sessions
  /** Confirms the address (first time only) and makes the subscription active. */
  confirmUser(id: number, at: Date): Promise<void>;
  /**
   * Deletes unconfirmed sign-ups created before `createdBefore` that hold no confirmation token
   * still valid at `now`; returns how many.
   */
  deleteExpiredSignups(createdBefore: Date, now: Date): Promise<number>;
  createAuthToken(token: NewAuthToken): Promise<void>;
  /** The user of a token that could still be used at `now`, without using it. */
  authTokenUser(tokenHash: string, purpose: AuthTokenPurpose, now: Date): Promise<number | undefined>;
  /**
   * Counts one use of the token and returns its user when it is unexpired, has uses left and was
   * first used less than `reuseWithinMs` ago; atomic, so two concurrent uses count twice.
   */
  useAuthToken(
    tokenHash: string,
    purpose: AuthTokenPurpose,
    now: Date,
    reuseWithinMs: number,
  ): Promise<number | undefined>;
  /** How many tokens of that purpose were made for the user at or after `since`. */
  authTokensSince(userId: number, purpose: AuthTokenPurpose, since: Date): Promise<number>;
  createSession(session: { idHash: string; userId: number; at: Date; expiresAt: Date }): Promise<void>;
  /** The session unless unknown or expired at `now`. */
  sessionByHash(idHash: string, now: Date): Promise<SessionRow | undefined>;
  extendSession(idHash: string, at: Date, expiresAt: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Removes tokens and sessions expired before `now`. */
  deleteExpiredAuth(now: Date): Promise<{ tokens: number; sessions: number }>;

  /** Closes the database or pool; safe to call twice. */
  close(): Promise<void>;
}
