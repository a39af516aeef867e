/**
 * Stops a send run from spending a full SMTP timeout on every queued message when the mail server
 * is down or stalled: after `threshold` connection failures or timeouts in a row it opens, and the
 * rest of the run sends nothing (those briefs stay queued: pending, or failed with their backoff).
 * Any answer from the server, even a refusal, closes the count again. One breaker per run; with
 * several sends in flight it also lets only one through until the server has answered (`turn`).
 */
export class SendBreaker {
  private consecutive = 0;
  private lastError: { code: string; message: string } | undefined;
  /** The server answered the last send that ended: sends may overlap. */
  private answering = false;
  private probing = false;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly threshold = DEFAULT_BREAKER_THRESHOLD) {}

  get open(): boolean {
    return this.consecutive >= this.threshold;
  }

  /** Why it opened: the last server-down error. */
  get reason(): string {
    const last = this.lastError;
    return `mail server unreachable after ${this.consecutive} attempts in a row${last ? ` (last: ${last.code} ${last.message})` : ''}; the rest of this run was not tried`;
  }

  /**
   * Waits for a send's turn: any number at once while the server answers, but one at a time
   * until it has (at the start of a run, and again after a connection failure or timeout), so a
   * down server costs `threshold` timeouts rather than one per send in flight. Call the returned
   * function when the send is over.
   */
  async turn(): Promise<() => void> {
    while (!this.answering && this.probing) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.answering) return () => undefined;
    this.probing = true;
    return () => {
      this.probing = false;
      for (const wake of this.waiting.splice(0)) wake();
    };
  }

  serverDown(error: { code: string; message: string }): void {
    this.consecutive += 1;
    this.lastError = error;
    this.answering = false;
  }

  serverAnswered(): void {
    this.consecutive = 0;
    this.answering = true;
  }
}

/** Connection failures or timeouts in a row before a run stops trying. */
const DEFAULT_BREAKER_THRESHOLD = 3;
