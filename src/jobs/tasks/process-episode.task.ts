import type { App } from '../../app.js';
import { canStoredEpisodeReachBrief } from '../../briefs/index.js';
import { LlmDeferredError } from '../../insights/llm/index.js';
import { AppError, errorMessage } from '../../model/errors.js';
import { TRAILER_REASON } from '../../model/feed.js';
import type { EpisodeRow } from '../../store/types.js';
import { getTranscript, type NotesCleaning, showBoilerplate } from '../../transcripts/index.js';
import { preferPublished, transcribeEpisode, type EpisodeAsrDeps } from '../../transcripts/asr/index.js';
import { EPISODE_LEASE_MS, holdingEpisodeClaim, withEpisodeClaim } from '../episode-lease.js';
import { episodeRetryAt } from '../episode-retry.js';
import type { ProcessDueEpisodeStore, ProcessEpisodeStore, ShowRepeatsStore } from '../ports.js';
import { indexNewInsights } from './index-insights.js';
import { showTranscriptRepeats, type ShowTranscriptRepeats } from './show-repeats.js';

export type ProcessResult =
  | { episodeId: number; status: 'extracted'; source: string; insights: number; note?: string }
  | { episodeId: number; status: 'skipped'; reason: string }
  | { episodeId: number; status: 'failed'; error: string; code: string; title: string };

/** What processing an episode needs of the App. */
export type ProcessEpisodeDeps = Pick<
  App,
  'config' | 'log' | 'embedder' | 'fetchOptions' | 'insightEngine' | 'asrLadder'
> & {
  store: ProcessEpisodeStore;
};

/** Speech-to-text is paid for only when the episode can reach a brief: the briefs stage decides that. */
function asrDeps(app: ProcessEpisodeDeps): EpisodeAsrDeps {
  return {
    config: app.config,
    store: app.store,
    log: app.log,
    canReach: (ep) => canStoredEpisodeReachBrief(app.store, ep),
    ladder: app.asrLadder(),
  };
}

/**
 * Transcript (published, else speech-to-text when configured, else show notes; a later published
 * one wins) → stored → insights extracted and stored. A failure is retried later with backoff.
 * The episode is claimed for the whole run, so a second worker skips it instead of paying again, and
 * one that listed it before another finished it finds nothing left to do.
 */
export async function processEpisode(
  app: ProcessEpisodeDeps,
  episode: EpisodeRow,
  now = new Date(),
  boilerplate: ShowBoilerplate = showBoilerplateFor(app),
): Promise<ProcessResult> {
  const result = await withEpisodeClaim(app.store, episode.id, now, 'process', () =>
    processClaimed(app, episode, now, boilerplate),
  );
  return result ?? notClaimed(episode.id);
}

/**
 * processEpisode of an episode by id, claimed and read in one statement (claimEpisodeToProcess):
 * what a process-episode job runs. Undefined when it is not due for processing (done, or failed and
 * waiting for its retry) or another worker holds it.
 */
export async function processDueEpisode(
  app: ProcessEpisodeDeps & { store: ProcessDueEpisodeStore },
  episodeId: number,
  now: Date,
  boilerplate: ShowBoilerplate,
): Promise<ProcessResult | undefined> {
  const episode = await app.store.claimEpisodeToProcess(episodeId, now, EPISODE_LEASE_MS);
  if (!episode) return undefined;
  return holdingEpisodeClaim(app.store, episodeId, () =>
    processClaimed(app, episode, now, boilerplate, { readWithClaim: true }),
  );
}

function notClaimed(episodeId: number): ProcessResult {
  return { episodeId, status: 'skipped', reason: 'another worker is processing it or has done it' };
}

/**
 * What a show repeats across its episodes: the sentences of its notes (by feed id), and the word
 * runs of its transcripts (ad reads, intros, outros), which never become insights.
 */
export interface ShowBoilerplate extends ShowTranscriptRepeats {
  /** What the show's notes repeat, and its title: what cleaning one episode's notes needs of its show. */
  notes(feedId: number): Promise<NotesCleaning>;
}

/** How many of a show's newest episodes are read to find its boilerplate. */
const BOILERPLATE_EPISODES = 200;

/**
 * Finds each show's boilerplate once from its stored episodes' notes and keeps it for the run
 * (processEpisodes shares one between all episodes).
 */
export function showBoilerplateFor(app: { store: ShowRepeatsStore }): ShowBoilerplate {
  const cache = new Map<number, Promise<NotesCleaning>>();
  const notes = (feedId: number): Promise<NotesCleaning> => {
    let found = cache.get(feedId);
    if (!found) {
      found = Promise.all([app.store.episodesByFeed(feedId), app.store.feedById(feedId)]).then(([episodes, feed]) => ({
        repeated: showBoilerplate(
          [...episodes]
            .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
            .slice(0, BOILERPLATE_EPISODES)
            .map((e) => e.description ?? ''),
        ),
        ...(feed?.title ? { showTitle: feed.title } : {}),
      }));
      cache.set(feedId, found);
    }
    return found;
  };
  return { notes, ...showTranscriptRepeats(app) };
}

async function processClaimed(
  app: ProcessEpisodeDeps,
  episode: EpisodeRow,
  now: Date,
  boilerplate: ShowBoilerplate,
  { readWithClaim = false } = {},
): Promise<ProcessResult> {
  const { store, config } = app;
  // Nothing in a trailer is worth a transcript or an insight: settled before anything is fetched.
  if (episode.episodeType === 'trailer') return settleWithoutInsights(store, episode.id, TRAILER_REASON);
  const fail = (error: string) => store.markEpisodeFailed(episode.id, error, episodeRetryAt(episode.failures + 1, now));
  // The show's stored transcripts are read while this one is fetched, and before it is stored: it is
  // added to them (remember), not read back. What they repeat is counted once this one is added, so
  // episodes of a new show processed at once see each other.
  const showRead = boilerplate.warm(episode);
  // Awaited below unless processing stops first; a failed read then fails nothing.
  showRead.catch(() => undefined);
  try {
    // saveTranscript moves a new episode to 'transcribed' with its transcript, so one read 'new' by
    // its claim has none (a row listed before the claim may be older than a transcript stored since).
    const untranscribed = readWithClaim && episode.status === 'new';
    let transcript = untranscribed ? undefined : await store.transcriptByEpisode(episode.id);
    let note: string | undefined;
    if (transcript)
      ({ transcript, note } = await preferPublished(store, episode, transcript, app.fetchOptions('transcript')));
    if (!transcript) {
      const asr = config.asrEngine.length > 0 ? (ep: EpisodeRow) => transcribeEpisode(asrDeps(app), ep) : undefined;
      const got = await getTranscript(episode, app.fetchOptions('transcript'), asr, () =>
        boilerplate.notes(episode.feedId),
      );
      if (!got && episode.transcripts.length === 0 && !asr) {
        // Nothing to retry: without a transcript to fetch, the notes are all there is, and they say nothing.
        return settleWithoutInsights(store, episode.id, 'no transcript, and the show notes say nothing substantive');
      }
      if (!got) {
        await fail('no transcript and no usable show notes');
        return { episodeId: episode.id, status: 'skipped', reason: 'no transcript and no usable show notes' };
      }
      transcript = got.transcript;
      note = got.fallbackReason;
      await store.saveTranscript(episode.id, transcript);
      // saveTranscript marks a new episode transcribed itself; a failed one being retried is marked here.
      if (episode.status !== 'new') await store.markEpisode(episode.id, 'transcribed');
    }
    await showRead;
    await boilerplate.remember(episode, transcript);
    const report = await app.insightEngine().extractWithReport(transcript, {
      top: config.insightsPerEpisode,
      episodeId: episode.id,
      repeats: await boilerplate.repeats(episode),
      episodeTitle: episode.title,
    });
    // replaceInsights marks the episode extracted (and clears its last error) with the insights.
    const stored = await store.replaceInsights(episode.id, report.insights, report.engine);
    await indexNewInsights(app, stored);
    if (report.fallbackReason)
      note = [note, `LLM engine fell back to embedded: ${report.fallbackReason}`].filter(Boolean).join('; ');
    return {
      episodeId: episode.id,
      status: 'extracted',
      source: transcript.source,
      insights: report.insights.length,
      ...(note ? { note } : {}),
    };
  } catch (err) {
    if (err instanceof LlmDeferredError) {
      // Stays 'transcribed', so a later run picks it up again once the provider lets us.
      await store.markEpisode(episode.id, 'transcribed', err.message);
      return { episodeId: episode.id, status: 'skipped', reason: err.message };
    }
    await fail(errorMessage(err));
    return {
      episodeId: episode.id,
      status: 'failed',
      error: errorMessage(err),
      code: err instanceof AppError ? err.code : 'episode_failed',
      title: episode.title,
    };
  }
}

/** Done for good with no insights, and why: extracted (so never listed again), the reason its last error. */
async function settleWithoutInsights(
  store: ProcessEpisodeStore,
  episodeId: number,
  reason: string,
): Promise<ProcessResult> {
  await store.replaceInsights(episodeId, [], 'none');
  await store.markEpisode(episodeId, 'extracted', reason);
  return { episodeId, status: 'skipped', reason };
}
