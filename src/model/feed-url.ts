/**
 * A feed URL split into the URL kept and shown (no userinfo) and its credentials (`user:password`,
 * percent-encoded as in the URL), which are stored apart and only ever sent as HTTP Basic auth.
 */
export function splitFeedCredentials(raw: string): { url: string; auth: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { url: raw, auth: null };
  }
  if (!parsed.username && !parsed.password) return { url: raw, auth: null };
  const auth = `${parsed.username}:${parsed.password}`;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.href, auth };
}

/** The URL to fetch: the stored URL with its credentials put back (safeFetch sends them as Basic auth). */
export function withFeedCredentials(url: string, auth: string | null | undefined): string {
  if (!auth) return url;
  const parsed = new URL(url);
  const colon = auth.indexOf(':');
  parsed.username = colon < 0 ? auth : auth.slice(0, colon);
  parsed.password = colon < 0 ? '' : auth.slice(colon + 1);
  return parsed.href;
}
