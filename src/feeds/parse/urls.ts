const MAX_URL_LENGTH = 2048;

/** An absolute http(s) URL, resolved against `base` when relative; anything else (javascript:, garbage) is dropped. */
export function cleanUrl(raw: string | undefined, base?: string): string | undefined {
  const text = raw?.trim();
  if (!text || text.length > MAX_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href;
}
