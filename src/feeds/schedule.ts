export interface PollDelayInput {
  /** Lower and upper bounds for any delay. */
  minSeconds: number;
  maxSeconds: number;
  /** The interval when the feed shows no publishing cadence. */
  defaultSeconds: number;
  /** Consecutive failed polls; each one doubles the delay. */
  errorCount: number;
  /** Median time between the feed's recent episodes (publishingCadenceSeconds). */
  cadenceSeconds?: number | null;
  /** Feed `<ttl>` / sy:updatePeriod. */
  ttlSeconds?: number;
  /** Cache-Control max-age / Expires. */
  cacheMaxAgeSeconds?: number;
  /** Retry-After from a 429/503 (or any response). */
  retryAfterSeconds?: number;
  /** Spread, as a fraction of the delay (0.1: ±10 %), so feeds added together do not stay in step. */
  jitter?: number;
  /** Uniform in [0, 1); Math.random unless a caller needs repeatable draws. */
  random?: () => number;
}

const MAX_DOUBLINGS = 20;

/**
 * Polls per publishing gap: a show that publishes daily is looked at about every three hours, so a
 * new episode waits a fraction of its gap, while a monthly show is not asked hourly.
 */
const POLLS_PER_GAP = 8;

/** Recent dated episodes the cadence is measured over. */
const CADENCE_EPISODES = 10;

function hint(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Seconds until a feed should be polled again: the interval its publishing cadence suggests (else the
 * default), raised to the server's hints (TTL, max-age), doubled per consecutive error, spread by the
 * jitter, then clamped to [min, max]. Retry-After raises the floor: the jitter never lands before it.
 * Garbage hints (NaN, negative) are ignored so they fall back to the default and the backoff.
 */
export function nextPollDelaySeconds(input: PollDelayInput): number {
  const min = Math.max(0, input.minSeconds);
  const max = Math.max(min, input.maxSeconds);
  const cadence = hint(input.cadenceSeconds) / POLLS_PER_GAP;
  const usual = cadence > 0 ? cadence : hint(input.defaultSeconds);
  const base = Math.max(usual, hint(input.ttlSeconds), hint(input.cacheMaxAgeSeconds));
  const errors = Number.isNaN(input.errorCount) ? 0 : Math.max(0, Math.floor(input.errorCount));
  const backedOff = base * 2 ** Math.min(errors, MAX_DOUBLINGS);
  const spread = Math.min(1, hint(input.jitter));
  const jittered = backedOff * (1 + spread * (2 * (input.random ?? Math.random)() - 1));
  const floor = Math.min(max, Math.max(min, hint(input.retryAfterSeconds)));
  return Math.round(Math.min(max, Math.max(floor, jittered)));
}

/**
 * The median gap in seconds between the most recent dated episodes, or undefined with fewer than
 * three of them (two dates say little about a rhythm). Episodes dated alike (a back catalogue
 * imported at once) count as one.
 */
export function publishingCadenceSeconds(episodes: ReadonlyArray<{ publishedAt?: string | null }>): number | undefined {
  const times = [...new Set(episodes.map((e) => Date.parse(e.publishedAt ?? '')).filter((t) => Number.isFinite(t)))]
    .sort((a, b) => b - a)
    .slice(0, CADENCE_EPISODES);
  if (times.length < 3) return undefined;
  const gaps = times
    .slice(1)
    .map((t, i) => ((times[i] as number) - t) / 1000)
    .sort((a, b) => a - b);
  const mid = gaps.length / 2;
  const median =
    gaps.length % 2 === 1 ? (gaps[Math.floor(mid)] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
  return Math.round(median);
}

/**
 * Whether this poll should go without If-None-Match / If-Modified-Since: the body has not come back
 * for `hours` (0: never), so a server that answers 304 forever cannot hide new episodes.
 */
export function unconditionalFetchDue(
  feed: { fullFetchedAt: string | null; etag: string | null; lastModified: string | null },
  hours: number,
  now: Date,
): boolean {
  if (hours <= 0 || (feed.etag === null && feed.lastModified === null)) return false;
  const last = Date.parse(feed.fullFetchedAt ?? '');
  return !Number.isFinite(last) || now.getTime() - last >= hours * 3_600_000;
}
