/** A link that opens the episode at `seconds`: the audio file with a media fragment, else the episode page. */
export function timestampUrl(audioUrl: string | null, episodeLink: string | null, seconds: number): string | undefined {
  const base = httpUrl(audioUrl) ?? httpUrl(episodeLink);
  if (!base) return undefined;
  const t = Math.max(0, Math.floor(seconds));
  const url = new URL(base);
  url.hash = `t=${t}`;
  return url.toString();
}

function httpUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
