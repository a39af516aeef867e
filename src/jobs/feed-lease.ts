import type { PollFeedsStore } from './ports.js';

/** Past the fetch deadline, what one feed's poll may take (parse, store writes) before its lease is at risk. */
const LEASE_MARGIN_MS = 30_000;

/**
 * How long a poller holds the feeds it claimed: one fetch deadline and a margin. The lease is
 * renewed while the batch is polled (withFeedLeases), so a poller that dies frees its unpolled
 * feeds this soon, not after the whole batch's worst case.
 */
export function feedLeaseMs(fetchTimeoutSeconds: number): number {
  return fetchTimeoutSeconds * 1000 + LEASE_MARGIN_MS;
}

/**
 * Runs `poll` over a claimed batch, renewing the leases of its feeds not yet rescheduled three
 * times a lease, on the poll's clock. A renewal that fails is left to the next one; the first
 * failure of a batch is told to `onRenewalFailed` (if they all fail, another poller may take the
 * batch's feeds once the lease lapses).
 */
export async function withFeedLeases<T>(
  store: Pick<PollFeedsStore, 'renewFeedLeases'>,
  feedIds: number[],
  lease: { ms: number; clock: () => Date; onRenewalFailed?: (err: unknown) => void },
  poll: () => Promise<T>,
): Promise<T> {
  let told = false;
  const renew = setInterval(
    () =>
      void store.renewFeedLeases(feedIds, lease.clock(), lease.ms).catch((err: unknown) => {
        if (!told) lease.onRenewalFailed?.(err);
        told = true;
      }),
    lease.ms / 3,
  );
  try {
    return await poll();
  } finally {
    clearInterval(renew);
  }
}
