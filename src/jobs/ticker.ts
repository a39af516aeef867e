import type { Logger } from '../logger.js';
import { errorMessage } from '../model/errors.js';

export interface Ticker {
  /** Runs one cycle now, unless one is running (then resolves when it ends) or `ready` says no. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `cycle` every `intervalSeconds`, never two at once; a failing cycle is logged and the
 * next one runs as usual. `ready` can hold ticks back (a standby scheduler).
 */
export function startTicker(
  cycle: () => Promise<void>,
  opts: { intervalSeconds: number; log: Logger; ready?: () => boolean },
): Ticker {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = async () => {
    if (running || stopped || (opts.ready && !opts.ready())) return running;
    running = cycle()
      .catch((err) => opts.log.error(`scheduler tick failed: ${errorMessage(err)}`))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), opts.intervalSeconds * 1000);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
