/**
 * Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or undefined when the value
 * is missing or garbage so the caller falls back to its own backoff. Callers clamp the result.
 */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text);
  if (!/[a-z]/i.test(text) || text.length > 64) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
