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

function settle(episode: ParsedEpisode, text: string | undefined): void {
  if (text === undefined) delete episode.description;
  else
    Object.defineProperty(episode, 'description', {
      value: text,
      writable: true,
      enumerable: true,
      configurable: true,
    });
}

/**
 * `episode.description`, made from the sources the first time it is read (or spread, or
 * serialised) and from then on a plain property; absent when no source yields text.
 */
export function defineDescription(episode: ParsedEpisode, sources: NotesSource[]): void {
  Object.defineProperty(episode, 'description', {
    enumerable: true,
    configurable: true,
    get(): string | undefined {
      const text = firstText(sources);
      settle(episode, text);
      return text;
    },
    set(text: string | undefined) {
      settle(episode, text);
    },
  });
}
