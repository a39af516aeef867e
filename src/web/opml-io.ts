import { feedUrlProblems, parseOpml, writeOpml, type FeedUrlPolicy } from '../feeds/index.js';
import { redactUrl } from '../net/index.js';
import { errorMessage } from '../model/errors.js';
import type { FeedRow } from '../store/types.js';
import type { KnownFeedsStore, OpmlImportStore } from './ports.js';

/** An uploaded OPML file larger than this is refused before it is parsed. */
export const OPML_MAX_BYTES = 512 * 1024;
/** At most this many feeds of one file are followed; the rest are reported and skipped. */
export const OPML_MAX_FEEDS = 300;

export interface OpmlImport {
  /** Feeds newly followed (known to the store, or added now). */
  followed: number;
  /** Of those, feeds the store did not know and added (they are polled from now on). */
  added: number;
  alreadyFollowed: number;
  /** One line per problem, for the page. */
  problems: string[];
}

/**
 * Follows every feed an OPML subscription list names: feeds the store knows are followed, unknown
 * ones are added as feeds (with the list's title until their first poll) and followed.
 */
export async function importOpml(
  store: OpmlImportStore,
  userId: number,
  bytes: Uint8Array,
  policy: FeedUrlPolicy = {},
): Promise<OpmlImport> {
  const result: OpmlImport = { followed: 0, added: 0, alreadyFollowed: 0, problems: [] };
  const read = readOpmlUpload(bytes);
  if ('problem' in read) {
    result.problems.push(read.problem);
    return result;
  }
  const { outlines } = read;
  if (outlines.length === 0) {
    result.problems.push('The file lists no podcast feeds (no outline with an http or https xmlUrl).');
    return result;
  }
  if (outlines.length > OPML_MAX_FEEDS)
    result.problems.push(
      `The file lists ${outlines.length} feeds; only the first ${OPML_MAX_FEEDS} were imported, ${outlines.length - OPML_MAX_FEEDS} were skipped.`,
    );
  const following = new Set((await store.profileOf(userId)).followedFeedIds);
  const taken = outlines.slice(0, OPML_MAX_FEEDS);
  const refusals = await feedUrlProblems(
    taken.map((o) => o.url),
    policy,
  );
  for (const [i, outline] of taken.entries()) {
    try {
      const refused = refusals[i];
      if (refused !== undefined) {
        result.problems.push(`${outline.title ?? redactUrl(outline.url)}: not added: ${refused}.`);
        continue;
      }
      const { feed, created } = await store.addFeed(outline.url);
      if (created) {
        result.added++;
        if (outline.title) await store.updateFeed(feed.id, { title: outline.title });
      }
      if (following.has(feed.id)) {
        result.alreadyFollowed++;
        continue;
      }
      await store.setFollow(userId, feed.id, true);
      following.add(feed.id);
      result.followed++;
    } catch (err) {
      result.problems.push(`${outline.title ?? outline.url}: could not be added (${errorMessage(err)}).`);
    }
  }
  return result;
}

export interface OpmlMatch {
  /** Feeds of the file the store already knows. */
  feedIds: number[];
  /** Feeds of the file the store does not know (an anonymous sign-up adds none). */
  unknown: number;
  problems: string[];
}

/**
 * The feeds an OPML file names that the store already knows, for the anonymous sign-up form:
 * unknown feeds are only counted, so a visitor cannot make Podbrief poll a list of their own.
 */
export async function knownFeedsOfOpml(store: KnownFeedsStore, bytes: Uint8Array): Promise<OpmlMatch> {
  const read = readOpmlUpload(bytes);
  if ('problem' in read) return { feedIds: [], unknown: 0, problems: [read.problem] };
  const feedIds = new Set<number>();
  let unknown = 0;
  for (const outline of read.outlines.slice(0, OPML_MAX_FEEDS)) {
    const feed = await store.feedByUrl(outline.url);
    if (feed) feedIds.add(feed.id);
    else unknown++;
  }
  return { feedIds: [...feedIds], unknown, problems: [] };
}

/** An uploaded file's outlines, or the one line that says why it cannot be read (too large, not OPML). */
function readOpmlUpload(bytes: Uint8Array): { outlines: ReturnType<typeof parseOpml> } | { problem: string } {
  if (bytes.byteLength > OPML_MAX_BYTES)
    return { problem: `The file is larger than ${OPML_MAX_BYTES / 1024} KB; nothing was imported.` };
  try {
    return { outlines: parseOpml(bytes) };
  } catch (err) {
    return { problem: `The file is not an OPML subscription list: ${errorMessage(err)}` };
  }
}

/** The followed shows as an OPML 2.0 subscription list, written by a serializer that escapes. */
export function followsOpml(feeds: FeedRow[], owner: string, now: Date): string {
  return writeOpml(feeds, `Podbrief: shows followed by ${owner}`, now);
}
