/** What identifies an episode already stored, besides its GUID. */
export interface KnownEpisode {
  guid: string;
  title: string;
  audioUrl?: string | null;
  publishedAt?: string | null;
}

interface Incoming {
  guid: string;
  title: string;
  audioUrl?: string;
  publishedAt?: string;
}

export interface RepublishedEpisodes<T> {
  /** The incoming episodes, each one recognised as a stored episode carrying that episode's GUID. */
  episodes: T[];
  /** How many came back under a new GUID. */
  republished: number;
}

/**
 * Some hosts regenerate every GUID when a feed is migrated or rebuilt. An item whose GUID is new but
 * whose enclosure URL, or title and publication time, is a stored episode's is that episode: it takes
 * the stored GUID, so subscribers are not sent the back catalogue again. Enclosure URLs count only when
 * one episode has them on each side (some feeds give every item the same placeholder file).
 */
export function recogniseRepublished<T extends Incoming>(
  incoming: readonly T[],
  known: readonly KnownEpisode[],
): RepublishedEpisodes<T> {
  const knownGuids = new Set(known.map((k) => k.guid));
  const incomingGuids = new Set(incoming.map((e) => e.guid));
  const byAudio = uniqueIndex(known, (k) => k.audioUrl ?? undefined);
  const incomingAudio = countBy(incoming, (e) => e.audioUrl);
  const byTitleAndDate = uniqueIndex(known, titleAndDate);
  const claimed = new Set<string>();
  let republished = 0;
  const episodes = incoming.map((ep) => {
    if (knownGuids.has(ep.guid)) return ep;
    const audio = ep.audioUrl && incomingAudio.get(ep.audioUrl) === 1 ? byAudio.get(ep.audioUrl) : undefined;
    const match = audio ?? byTitleAndDate.get(titleAndDate(ep) ?? '');
    // A stored episode still listed under its own GUID, or already matched, is not this one.
    if (!match || incomingGuids.has(match.guid) || claimed.has(match.guid)) return ep;
    claimed.add(match.guid);
    republished += 1;
    return { ...ep, guid: match.guid };
  });
  return { episodes, republished };
}

function titleAndDate(e: { title: string; publishedAt?: string | null }): string | undefined {
  const at = Date.parse(e.publishedAt ?? '');
  const title = e.title.trim().toLowerCase();
  return Number.isFinite(at) && title ? `${at} ${title}` : undefined;
}

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Items by key, leaving out keys more than one item shares. */
function uniqueIndex<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T> {
  const counts = countBy(items, key);
  const index = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (k && counts.get(k) === 1) index.set(k, item);
  }
  return index;
}
