const CLOCK = /^(\d{1,3}(?::\d{1,2}){0,2})(?:[.,](\d+))?$/;

/**
 * Seconds from a clock time: `h:mm:ss.fff`, `mm:ss,fff`, `m:ss`, or bare `ss.fff` (the
 * non-standard `0.000 --> 3.480` VTT form; bare whole seconds only when `bareSeconds`).
 * Out-of-range fields such as `99:99:99` give undefined, never a guess.
 */
export function parseClock(value: string, opts: { bareSeconds?: boolean } = {}): number | undefined {
  const m = CLOCK.exec(value.trim());
  if (!m || m[1] === undefined) return undefined;
  const parts = m[1].split(':').map(Number);
  const fraction = m[2] === undefined ? 0 : Number(`0.${m[2]}`);
  if (parts.length === 1 && m[2] === undefined && !opts.bareSeconds) return undefined;
  const seconds = parts[parts.length - 1] ?? 0;
  if (parts.length > 1 && seconds >= 60) return undefined;
  if (parts.length === 3 && (parts[1] ?? 0) >= 60) return undefined;
  const total = parts.reduce((acc, p) => acc * 60 + p, 0) + fraction;
  return Number.isFinite(total) ? total : undefined;
}

/** Rough speaking time of `text` at 150 words per minute, for segments the source left untimed. */
export function estimateSeconds(text: string): number {
  const words = text.split(/\s+/).filter((w) => w !== '').length;
  return Math.max(1, words / 2.5);
}
