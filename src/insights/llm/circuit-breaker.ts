/** After this many episodes in a row whose calls failed, the provider is taken to be down. */
export const FAILURES_TO_OPEN = 3;
const FIRST_COOLDOWN_MS = 5 * 60_000;
const LONGEST_COOLDOWN_MS = 60 * 60_000;

export interface CircuitBreaker {
  /** When the provider may be tried again, while the circuit is open; undefined when it may be called now. */
  blockedUntil(now: Date): Date | undefined;
  succeeded(): void;
  /** True when this failure opened (or re-opened) the circuit. */
  failed(now: Date): boolean;
}

/**
 * Stops calling a provider that is down, so an outage costs each episode nothing instead of a
 * full round of retries. After the cooldown one episode tries again: success closes the circuit,
 * failure re-opens it for twice as long (up to an hour).
 */
export function createCircuitBreaker(): CircuitBreaker {
  let failures = 0;
  let openUntil = 0;
  let cooldown = FIRST_COOLDOWN_MS;
  return {
    blockedUntil: (now) => (now.getTime() < openUntil ? new Date(openUntil) : undefined),
    succeeded() {
      failures = 0;
      openUntil = 0;
      cooldown = FIRST_COOLDOWN_MS;
    },
    failed(now) {
      failures += 1;
      if (failures < FAILURES_TO_OPEN) return false;
      openUntil = now.getTime() + cooldown;
      cooldown = Math.min(cooldown * 2, LONGEST_COOLDOWN_MS);
      return true;
    },
  };
}
