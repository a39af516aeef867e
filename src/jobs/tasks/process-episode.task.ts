import type { App } from '../../app.js';
import { extractInsights } from '../../insights/index.js';
import { errorMessage } from '../../model/errors.js';
import type { EpisodeRow } from '../../store/types.js';
import { getTranscript } from '../../transcripts/index.js';

export type ProcessResult =
  | { episodeId: number; status: 'extracted'; source: string; insights: number; note?: string }
  | { episodeId: number; status: 'skipped'; reason: string }
  | { episodeId: number; status: 'failed'; error: string };

/** Transcript (published, else show notes) → stored → insights extracted and stored. */
export async function processEpisode(app: App, episode: EpisodeRow): Promise<ProcessResult> {
  const { store, config } = app;
  try {
    let transcript = await store.transcriptByEpisode(episode.id);
    let note: string | undefined;
    if (!transcript) {
      const got = await getTranscript(episode, app.fetchOptions('transcript'));
      if (!got) {
        await store.markEpisode(episode.id, 'failed', 'no transcript and no usable show notes');
        return { episodeId: episode.id, status: 'skipped', reason: 'no transcript and no usable show notes' };
      }
      transcript = got.transcript;
      note = got.fallbackReason;
      await store.saveTranscript(episode.id, transcript);
      await store.markEpisode(episode.id, 'transcribed');
    }
    const insights = extractInsights(transcript, { top: config.insightsPerEpisode });
    await store.replaceInsights(episode.id, insights, 'embedded');
    await store.markEpisode(episode.id, 'extracted', null);
    return { episodeId: episode.id, status: 'extracted', source: transcript.source, insights: insights.length, ...(note ? { note } : {}) };
  } catch (err) {
    await store.markEpisode(episode.id, 'failed', errorMessage(err));
    return { episodeId: episode.id, status: 'failed', error: errorMessage(err) };
  }
}
