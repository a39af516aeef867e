import type { FetchOptions } from '../../net/index.js';

export type DirectorySource = 'itunes' | 'podcastindex';

/** One show found in a podcast directory. */
export interface DirectoryResult {
  title: string;
  author: string;
  feedUrl: string;
  image?: string;
  sources: DirectorySource[];
}

export interface DirectoryRetry {
  maxRetries: number;
  baseMs: number;
  /** Longest Retry-After honoured; a longer one fails at once. */
  maxWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_DIRECTORY_RETRY: DirectoryRetry = { maxRetries: 2, baseMs: 500, maxWaitMs: 10_000 };

export interface DirectoryClientOptions {
  baseUrl: string;
  fetch?: FetchOptions;
  retry?: Partial<DirectoryRetry>;
}
