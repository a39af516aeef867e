const NEUTRAL_TITLE_MAX = 80;

/** A headline that is not a claim of its own ("From “E398: Kitchen sink episode”"). */
export function neutralHeadline(episodeTitle: string): string {
  const title = episodeTitle.replace(/\s+/g, ' ').trim();
  if (!title) return '';
  const cut = title.length > NEUTRAL_TITLE_MAX ? `${title.slice(0, NEUTRAL_TITLE_MAX).replace(/\s+\S*$/, '')}…` : title;
  return `From “${cut}”`;
}

/** A headline from the episode's title (neutralHeadline): it says what the episode is, not what the insight says. */
export function isNeutralHeadline(headline: string): boolean {
  return headline.startsWith('From “');
}
