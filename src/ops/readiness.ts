import { errorMessage } from '../model/errors.js';
/** One dependency a process needs to do its work; throws (or rejects) with the reason when not ready. */
type ReadinessCheck = () => Promise<void>;

export interface Readiness {
  /** Adds a check under `name` (the database at start; the job queue when scale mode starts it). */
  add(name: string, check: ReadinessCheck): void;
  /** undefined when every check passes within the timeout, else the first failing one's one-line reason. */
  problem(): Promise<string | undefined>;
}

export function createReadiness(timeoutMs = 2000): Readiness {
  const checks = new Map<string, ReadinessCheck>();
  return {
    add(name, check) {
      checks.set(name, check);
    },
    async problem() {
      const results = await Promise.all(
        [...checks].map(async ([name, check]) => {
          const reason = await withTimeout(check(), timeoutMs).then(() => undefined, errorMessage);
          return reason === undefined ? undefined : `${name}: ${reason.split('\n')[0]}`;
        }),
      );
      return results.find((r) => r !== undefined);
    },
  };
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  work.catch(() => undefined); // a late failure after the timeout is not unhandled
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
