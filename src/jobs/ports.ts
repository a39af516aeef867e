import type { ComposeStore, ReachStore } from '../briefs/index.js';
import type { BatchedReadsStore, GroupedWritesStore, SendBriefStore } from '../delivery/index.js';
import type { InsightIndexStore } from '../related/index.js';
import type { Store } from '../store/types.js';
import type { EpisodeAsrStore, NewlyPublishedStore, PreferPublishedStore } from '../transcripts/index.js';

/** What holding an episode's lease reads and writes. */
export type EpisodeLeaseStore = Pick<Store, 'claimEpisode' | 'releaseEpisode'>;

/** What polling one feed reads and writes: its credentials, its stored episodes, its poll state. */
export type RefreshFeedStore = Pick<Store, 'feedAuth' | 'updateFeed' | 'upsertEpisodes' | 'episodesByFeed'>;

/** What finding a show's repeated word runs reads: its episodes and their transcripts. */
export type ShowRepeatsStore = Pick<Store, 'episodesByFeed' | 'feedById' | 'recentTranscriptsByFeed'>;

/** What processing one episode reads and writes, with what the stages it calls need (saveTranscript comes with PreferPublishedStore). */
export type ProcessEpisodeStore = EpisodeLeaseStore &
  ShowRepeatsStore &
  InsightIndexStore &
  EpisodeAsrStore &
  PreferPublishedStore &
  ReachStore &
  Pick<Store, 'markEpisodeFailed' | 'replaceInsights' | 'markEpisode' | 'transcriptByEpisode'>;

/** What the LLM back-fill reads and writes. */
export type UpgradeInsightsStore = EpisodeLeaseStore &
  InsightIndexStore &
  Pick<Store, 'episodesToUpgrade' | 'transcriptByEpisode' | 'replaceInsights'>;

/** What composing and sending one subscriber's brief reads and writes. */
export type DeliverBriefStore = ComposeStore & SendBriefStore;

/** What finding the subscribers due for a brief reads. */
export type DueSubscribersStore = Pick<Store, 'usersAfter' | 'suppressionsFor'>;

/** What forgetting unconfirmed sign-ups and expired tokens and sessions deletes. */
export type ExpireSignUpsStore = Pick<Store, 'deleteExpiredSignups' | 'deleteExpiredAuth' | 'deleteRetiredInsights'>;

/** What a polling run reads besides each feed's poll: the feeds due (or all of them). */
export type PollFeedsStore = RefreshFeedStore & Pick<Store, 'listFeeds' | 'claimDueFeeds' | 'renewFeedLeases'>;

/** What a processing run reads besides each episode's processing: the episodes to process. */
export type ProcessEpisodesStore = ProcessEpisodeStore & NewlyPublishedStore & Pick<Store, 'episodesToProcess'>;

/** What a delivery run reads and writes: the subscribers due, then each brief, its writes grouped. */
export type DeliverBriefsStore = DueSubscribersStore & DeliverBriefStore & GroupedWritesStore & BatchedReadsStore;

/** What one tick of the scale-mode scheduler reads to queue jobs. */
export type EnqueueDueStore = DueSubscribersStore & Pick<Store, 'dueFeeds' | 'episodesToProcess' | 'deliveryOverFor'>;

/** What the poll-feed job reads besides polling: the feed it was queued for, with its credentials (its new episodes come with RefreshFeedStore). */
export type PollFeedJobStore = Pick<Store, 'feedToPoll'>;

/** What processing an episode by its id reads besides: the claim that reads it. */
export type ProcessDueEpisodeStore = ProcessEpisodeStore & Pick<Store, 'claimEpisodeToProcess'>;

/** What the process-episode job reads besides processing: the episode it was queued for, on a retry. */
export type ProcessEpisodeJobStore = ProcessDueEpisodeStore & Pick<Store, 'episodeById'>;
