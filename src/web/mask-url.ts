/** `https://user:secret@host/feed` → `https://***@host/feed`, anywhere in a text (URLs, error messages). */
export function maskCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, '$1***@');
}

/** A feed's name for a page: its title, else its host (never the full URL, which may carry a password). */
export function feedLabel(feed: { title: string | null; url: string }): string {
  if (feed.title?.trim()) return feed.title.trim();
  try {
    return new URL(feed.url).host;
  } catch {
    return maskCredentials(feed.url);
  }
}
