const MAX_URL_LENGTH = 2048;

/**
 * An absolute http(s) URL that the URL parser hands back unchanged: lower-case scheme and host
 * (whose last label starts with a letter: no IPv4 reading, no punycode), no port or user, a path
 * and query of characters no parser step encodes, and no `.` or `%2e` segment to resolve. Most
 * feed URLs are written so, and skip the parser (a URL object per link was a notable cost).
 */
const PLAIN_URL =
  /^https?:\/\/(?!(?:[^/]*\.)?xn--)(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/(?!\.|%2e)(?:[A-Za-z0-9\-_~!$&()*+,;=:@%]|\.|\/(?!\.|%2e))*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?$/i;

/** An absolute http(s) URL, resolved against `base` when relative; anything else (javascript:, garbage) is dropped. */
export function cleanUrl(raw: string | undefined, base?: string): string | undefined {
  const text = raw?.trim();
  if (!text || text.length > MAX_URL_LENGTH) return undefined;
  if (PLAIN_URL.test(text) && isLowerCaseAuthority(text)) return text;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href;
}

/** Scheme and host in lower case (PLAIN_URL matches them case-blind, for its path's sake). */
function isLowerCaseAuthority(text: string): boolean {
  const end = text.indexOf('/', 8);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return false;
  }
  return true;
}
