import type { ParsedEpisode } from '../../model/feed.js';
import type { EpisodeDraft, TagHandler } from './registry.js';
import type { XmlNode } from './xml-tree.js';

/** One element's show notes as text, when asked (HTML → text is most of a parse, and most are never read). */
export type NotesSource = () => string | undefined;

/**
 * A handler that records where an item's show notes may come from. The sources keep the handlers'
 * order and the first that yields text wins, as setOnce would have it had the text been made eagerly.
 */
export function showNotes(tag: string, spec: string, source: (node: XmlNode) => NotesSource): TagHandler<EpisodeDraft> {
  return {
    tag,
    spec,
    apply(node, ep) {
      (ep.notes ??= []).push(source(node));
    },
  };
}

function firstText(sources: NotesSource[]): string | undefined {
  for (const source of sources) {
    const text = source();
    if (text !== undefined && text !== '') return text;
  }
  return undefined;
}

/** Where an unread description's sources wait: a hidden key, so spreads and JSON never see it. */
const SOURCES = Symbol('show notes sources');
type Pending = ParsedEpisode & { [SOURCES]?: NotesSource[] };

function settle(episode: Pending, text: string | undefined): void {
  // Cleared, not deleted: deleting it put every episode read into slow dictionary mode.
  episode[SOURCES] = undefined;
  if (text === undefined) delete episode.description;
  else
    Object.defineProperty(episode, 'description', {
      value: text,
      writable: true,
      enumerable: true,
      configurable: true,
    });
}

/** One accessor shared by every episode (no closures per episode). */
const LAZY_DESCRIPTION: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Pending): string | undefined {
    const text = firstText(this[SOURCES] ?? []);
    settle(this, text);
    return text;
  },
  set(this: Pending, text: string | undefined) {
    settle(this, text);
  },
};

/**
 * `episode.description`, made from the sources the first time it is read (or spread, or
 * serialised) and from then on a plain property; absent when no source yields text.
 */
export function defineDescription(episode: ParsedEpisode, sources: NotesSource[]): void {
  Object.defineProperty(episode, SOURCES, { value: sources, writable: true, configurable: true });
  Object.defineProperty(episode, 'description', LAZY_DESCRIPTION);
}
