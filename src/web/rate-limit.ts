/**
 * Rate limits on signup, sign-in and feedback. The interface is async so a limiter shared by several
 * web processes (kept in the store or Redis) can replace the in-process one below.
 */
export interface RateLimiter {
  /** Takes one token from `key`'s bucket; `allowed` false (with when to retry) when it is empty. */
  take(key: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

interface BucketOptions {
  /** Requests allowed at once. */
  burst: number;
  /** Tokens added back per hour. */
  perHour: number;
  /** Buckets kept at most; the least recently used go first (a full bucket is the same as none). */
  maxKeys?: number;
  now?: () => number;
}

/** Token buckets in this process's memory: right for the single-process default. */
export function tokenBuckets(opts: BucketOptions): RateLimiter {
  const now = opts.now ?? Date.now;
  const perMs = opts.perHour / 3_600_000;
  const maxKeys = opts.maxKeys ?? 50_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key) {
      const t = now();
      const old = buckets.get(key);
      const tokens = old ? Math.min(opts.burst, old.tokens + (t - old.at) * perMs) : opts.burst;
      buckets.delete(key); // re-inserted last: Map order is least recently used first
      if (tokens < 1) {
        buckets.set(key, { tokens, at: t });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: t });
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}

/** The limits the web app applies; each is keyed by client address or by email address. */
export interface WebRateLimits {
  signupPerIp: RateLimiter;
  signupPerEmail: RateLimiter;
  loginPerIp: RateLimiter;
  loginPerEmail: RateLimiter;
  feedbackPerIp: RateLimiter;
  /** Confirmation and sign-in link posts, and failed admin logins. */
  tokenPerIp: RateLimiter;
}

export function defaultRateLimits(): WebRateLimits {
  return {
    signupPerIp: tokenBuckets({ burst: 10, perHour: 30 }),
    signupPerEmail: tokenBuckets({ burst: 5, perHour: 6 }),
    loginPerIp: tokenBuckets({ burst: 10, perHour: 30 }),
    loginPerEmail: tokenBuckets({ burst: 5, perHour: 6 }),
    feedbackPerIp: tokenBuckets({ burst: 60, perHour: 600 }),
    tokenPerIp: tokenBuckets({ burst: 20, perHour: 120 }),
  };
}
