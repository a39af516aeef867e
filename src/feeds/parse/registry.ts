import type { ParsedEpisode, ParsedFeed, Person } from '../../model/feed.js';
import type { NotesSource } from './show-notes.js';
import type { XmlNode } from './xml-tree.js';

export interface ParseContext {
  /** Feed URL, to resolve relative links. */
  baseUrl?: string;
  warnings: string[];
}

export type FeedDraft = Partial<Omit<ParsedFeed, 'episodes' | 'warnings' | 'format'>> & {
  /** Channel-level podcast:person, inherited by items that name nobody. */
  persons: Person[];
  /** podcast:trailer audio: an item whose enclosure is one of them is a trailer. */
  trailerUrls?: string[];
};

export type EpisodeDraft = Partial<Omit<ParsedEpisode, 'guid'>> & {
  transcripts: ParsedEpisode['transcripts'];
  persons: Person[];
  /** guid/id as the feed states it, before missing/duplicate handling. */
  rawGuid?: string;
  /** The date text as written, for the title+date fallback key. */
  rawDate?: string;
  /** Where `description` comes from, made into text only when read (see show-notes.ts). */
  notes?: NotesSource[];
};

/**
 * One element's meaning, after partytime's tag handlers: which tag, where its spec lives, and
 * how it fills the draft. Handlers run in registry order, so for single-valued fields an earlier
 * handler wins (`??=`); multi-valued ones (transcripts, persons) accumulate.
 */
export interface TagHandler<T> {
  /** Canonical lower-case name, e.g. "itunes:duration". */
  tag: string;
  spec: string;
  apply(node: XmlNode, into: T, ctx: ParseContext): void;
}

/** Each handler list's positions by tag, made once per list (the lists are module constants). */
const positionsByList = new WeakMap<readonly TagHandler<never>[], Map<string, number[]>>();

function positionsByTag<T>(handlers: readonly TagHandler<T>[]): Map<string, number[]> {
  let positions = positionsByList.get(handlers);
  if (!positions) {
    positions = new Map();
    for (let p = 0; p < handlers.length; p++) {
      const tag = (handlers[p] as TagHandler<T>).tag;
      const list = positions.get(tag);
      if (list) list.push(p);
      else positions.set(tag, [p]);
    }
    positionsByList.set(handlers, positions);
  }
  return positions;
}

/** In place, ascending: by insertion for the few pairs an item has (no comparator calls), else sort(). */
function sortNumbers(xs: number[]): void {
  if (xs.length > 32) {
    xs.sort((a, b) => a - b);
    return;
  }
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] as number;
    let j = i - 1;
    for (; j >= 0 && (xs[j] as number) > x; j--) xs[j + 1] = xs[j] as number;
    xs[j + 1] = x;
  }
}

/**
 * Runs each handler on the children it names: handlers in registry order, each one's children in
 * document order. The (handler, child) pairs are packed into numbers and sorted, rather than an
 * index of children by name made per item (a Map and arrays for every item).
 */
export function applyHandlers<T>(
  handlers: readonly TagHandler<T>[],
  parent: XmlNode,
  into: T,
  ctx: ParseContext,
): void {
  const positions = positionsByTag(handlers);
  const children = parent.children;
  const n = children.length;
  const pairs: number[] = [];
  for (let c = 0; c < n; c++) {
    const list = positions.get((children[c] as XmlNode).name);
    if (list) for (const p of list) pairs.push(p * n + c);
  }
  sortNumbers(pairs);
  for (const pair of pairs) {
    const c = pair % n;
    (handlers[(pair - c) / n] as TagHandler<T>).apply(children[c] as XmlNode, into, ctx);
  }
}

export function child(parent: XmlNode, name: string): XmlNode | undefined {
  return parent.children.find((c) => c.name === name);
}

/** A handler for a single-valued field: the first handler (in registry order) that yields a value wins. */
export function setOnce<T, K extends keyof T>(
  tag: string,
  spec: string,
  field: K,
  read: (node: XmlNode, ctx: ParseContext) => T[K] | undefined,
): TagHandler<T> {
  return {
    tag,
    spec,
    apply(node, into, ctx) {
      if (into[field] !== undefined) return;
      const value = read(node, ctx);
      if (value !== undefined && value !== '') into[field] = value;
    },
  };
}
