/**
 * Prepared statements by SQL text, least recently used let go first, in two parts: a text seen
 * once waits in a small probation part and moves to the main part when it is used again. The
 * one-off texts of multi-row inserts (one per row count) so churn only probation, never pushing
 * out the statements in steady use.
 */
export class StatementCache<V> {
  private readonly probation = new Map<string, V>();
  private readonly main = new Map<string, V>();

  constructor(
    private readonly mainSize: number,
    private readonly probationSize: number,
  ) {}

  /** The statement kept for `sql`, else `prepare(sql)`, kept. */
  get(sql: string, prepare: (sql: string) => V): V {
    const kept = this.main.get(sql);
    if (kept !== undefined) {
      keep(this.main, sql, kept, this.mainSize);
      return kept;
    }
    const once = this.probation.get(sql);
    if (once !== undefined) {
      this.probation.delete(sql);
      keep(this.main, sql, once, this.mainSize);
      return once;
    }
    const made = prepare(sql);
    keep(this.probation, sql, made, this.probationSize);
    return made;
  }

  clear(): void {
    this.probation.clear();
    this.main.clear();
  }
}

/** Puts `key` last (most recently used) and lets the first go when the map is over `size`. */
function keep<V>(map: Map<string, V>, key: string, value: V, size: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > size) map.delete(map.keys().next().value as string);
}
