/** Namespace URI → the prefix our handlers use, whatever prefix the feed declared. */
const CANONICAL: Record<string, string> = {
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'https://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'https://podcastindex.org/namespace/1.0': 'podcast',
  'http://podcastindex.org/namespace/1.0': 'podcast',
  'https://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md': 'podcast',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.w3.org/2005/atom': 'atom',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy',
  'http://www.google.com/schemas/play-podcasts/1.0': 'googleplay',
  'http://podlove.org/simple-chapters': 'psc',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
};

export type PrefixMap = ReadonlyMap<string, string>;

/** The prefix map in scope inside an element carrying these (raw-cased) attributes. */
export function scopePrefixes(parent: PrefixMap, attrs: Record<string, string>): PrefixMap {
  let scope: Map<string, string> | undefined;
  for (const name in attrs) {
    // Most elements carry attributes and no namespace declaration: test one character before slicing.
    if ((name.charCodeAt(0) | 0x20) !== 0x78 || !name.toLowerCase().startsWith('xmlns:')) continue;
    const canonical = CANONICAL[(attrs[name] as string).trim().toLowerCase()];
    if (!canonical) continue;
    const prefix = name.slice(6).toLowerCase();
    // Some feeds declare the same namespace again on thousands of elements: that changes nothing,
    // and a new map each time (and the names canonicalised anew under it) was most of their parse.
    if ((scope ?? parent).get(prefix) === canonical) continue;
    scope ??= new Map(parent);
    scope.set(prefix, canonical);
  }
  return scope ?? parent;
}

/** `Prefix:Local` → `canonical:local`, lower-cased; undeclared prefixes (a common defect) stay as written. */
export function canonicalName(raw: string, prefixes: PrefixMap): string {
  const lower = raw.toLowerCase();
  const colon = lower.indexOf(':');
  if (colon < 0) return lower;
  const canonical = prefixes.get(lower.slice(0, colon));
  return canonical ? `${canonical}${lower.slice(colon)}` : lower;
}
