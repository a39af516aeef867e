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

function childrenByName(parent: XmlNode): Map<string, XmlNode[]> {
  const index = new Map<string, XmlNode[]>();
  for (const child of parent.children) {
    const list = index.get(child.name);
    if (list) list.push(child);
    else index.set(child.name, [child]);
  }
  return index;
}

export function applyHandlers<T>(
  handlers: readonly TagHandler<T>[],
  parent: XmlNode,
  into: T,
  ctx: ParseContext,
): void {
  const index = childrenByName(parent);
  for (const handler of handlers) {
    for (const node of index.get(handler.tag) ?? []) handler.apply(node, into, ctx);
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
