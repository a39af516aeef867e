const MAX_SECONDS = 100 * 3600;

/** itunes:duration as seconds ("3600", "3600.5", "59:07", "1:02:03"); undefined when unreadable or absurd. */
export function parseDuration(raw: string | undefined): number | undefined {
  const text = raw?.trim();
  if (!text || text.length > 20) return undefined;
  let seconds: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    seconds = Math.round(Number(text));
  } else if (/^\d{1,3}(:\d{1,2}){1,2}(\.\d+)?$/.test(text)) {
    const parts = text.split(':').map(Number);
    if (parts.slice(1).some((p) => p >= 60)) return undefined;
    seconds = Math.round(parts.reduce((total, part) => total * 60 + part, 0));
  } else {
    return undefined;
  }
  return seconds > 0 && seconds <= MAX_SECONDS ? seconds : undefined;
}
