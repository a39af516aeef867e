import type { Logger } from '../logger.js';
import { errorMessage } from '../model/errors.js';

/**
 * Work a request starts but does not wait for: sending a sign-up or sign-in email after the
 * response, so the response takes the same time whether or not the address is known.
 */
export interface Background {
  run(what: string, task: () => Promise<void>): void;
  /** Resolves once every task started so far has finished (the server waits for it on close). */
  idle(): Promise<void>;
}

export function background(log: Logger): Background {
  const running = new Set<Promise<void>>();
  return {
    run(what, task) {
      const p = task()
        .catch((err) => log.error(`web: ${what} failed: ${errorMessage(err)}`))
        .finally(() => running.delete(p));
      running.add(p);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
