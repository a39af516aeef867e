/** Failed attempts after which an episode is given up. */
export const EPISODE_MAX_FAILURES = 4;
const FIRST_RETRY_MS = 30 * 60_000;

/**
 * When to try a failed episode again: 30 min, 2 h, 8 h after its 1st, 2nd, 3rd failure, so a
 * transcript server that was down for a while is caught, then never (null).
 */
export function episodeRetryAt(failures: number, now: Date): Date | null {
  if (failures >= EPISODE_MAX_FAILURES) return null;
  return new Date(now.getTime() + FIRST_RETRY_MS * 4 ** (failures - 1));
}
