/**
 * Stops a send run from spending a full SMTP timeout on every queued message when the mail server
 * is down or stalled: after `threshold` connection failures or timeouts in a row it opens, and the
 * rest of the run sends nothing (those briefs stay queued: pending, or failed with their backoff).
 * Any answer from the server, even a refusal, closes the count again. One breaker per run.
 */
export class SendBreaker {
  private consecutive = 0;
  private lastError: { code: string; message: string } | undefined;

  constructor(readonly threshold = DEFAULT_BREAKER_THRESHOLD) {}

  get open(): boolean {
    return this.consecutive >= this.threshold;
  }

  /** Why it opened: the last server-down error. */
  get reason(): string {
    const last = this.lastError;
    return `mail server unreachable after ${this.consecutive} attempts in a row${last ? ` (last: ${last.code} ${last.message})` : ''}; the rest of this run was not tried`;
  }

  serverDown(error: { code: string; message: string }): void {
    this.consecutive += 1;
    this.lastError = error;
  }

  serverAnswered(): void {
    this.consecutive = 0;
  }
}

/** Connection failures or timeouts in a row before a run stops trying. */
const DEFAULT_BREAKER_THRESHOLD = 3;
