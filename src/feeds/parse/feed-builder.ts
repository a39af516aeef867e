import { atom } from './atom.js';
import type { FeedFormat } from './detect-format.js';
import { canonicalName, scopePrefixes, type PrefixMap } from './namespaces.js';
import type { EpisodeDraft, FeedDraft, ParseContext } from './registry.js';
import { rss } from './rss.js';
import { LIMITS } from './text.js';
import { bareAmpersand, decodeXmlEntities } from './xml-entities.js';
import type { XmlEvents } from './xml-scanner.js';
import { RawText, type XmlNode } from './xml-tree.js';

/** Elements nested deeper than this (from the root) are not built: their text goes to the deepest kept one. */
const MAX_DEPTH = 256;
/** Elements kept inside one item (or one channel-level element); beyond it, text only, as above. */
const MAX_NODES_PER_ITEM = 10_000;
/** Text kept per element: what htmlToText would read at most anyway. */
const TEXT_CAP = LIMITS.htmlInput;
/** The longest reference (`&#x0010FFFF;`) decodes to one character. */
const LONGEST_REFERENCE = 12;

// What an open element is to the feed, by where it sits.
const ROOT = 0; // <rss>, <rdf:RDF>, <feed>
const CHANNEL = 1; // RSS <channel>: its children are kept one at a time, its items handled as they close
const ITEM = 2; // <item>/<entry>: built as a small tree, handled on close, then dropped
const CAPTURE = 3; // a channel-level element (title, image, …): built as a small tree for the channel handlers
const INNER = 4; // an element inside ITEM or CAPTURE
const FLAT = 5; // too deep or too many: not built, its text goes to the nearest built ancestor
const SKIP = 6; // outside anything a handler reads (a second channel, an item past the cap)

const EMPTY_SCOPE: PrefixMap = new Map();
/** A non-ASCII character, searched from a position on (lastIndex) through the whole document. */
const NON_ASCII_FROM = /[^\x00-\x7f]/g;
const NONE_AFTER = 2 ** 32 - 1;
const same = (slice: string) => slice;
/** Raw names remembered per scope; a document of ever-new names starts the memo over past this. */
const NAME_MEMO_SIZE = 1024;

interface BuiltNode extends XmlNode {
  children: BuiltNode[];
  content: (string | RawText | BuiltNode)[];
  /** Characters of own text kept so far (capped at TEXT_CAP); a RawText piece counts its raw length. */
  textLength: number;
  /** Index in content of the first RawText piece not yet decoded, or -1 (textLength is then exact). */
  firstRaw: number;
}

interface Frame {
  raw: string;
  kind: number;
  /** The node this frame's text goes to (its own, or for FLAT its nearest built ancestor's). */
  node: BuiltNode | undefined;
  scope: PrefixMap;
  /** For ITEM: whether it sits in the channel (RSS 2.0) or beside it (RSS 1.0). */
  inChannel?: boolean;
}

export interface BuiltFeed {
  feed: FeedDraft;
  items: EpisodeDraft[];
  /** Items seen beyond the cap (not built). */
  itemsOverCap: number;
  /** Items open when the document ended: dropped. */
  itemsCut: number;
  sawChannel: boolean;
  doctype: boolean;
  /** The first well-formedness error, as `line N: message`. */
  malformed?: string;
  /** Nesting deeper than MAX_DEPTH met (flattened). */
  flattened: number;
  /** Characters of element text beyond TEXT_CAP (not kept). */
  textCut: number;
}

/** The attributes of every element written without any (read only, so one object serves them all). */
const NO_ATTRS: Record<string, string> = Object.freeze({});

/**
 * The children and content of a node that has none yet: one frozen array serves every node until
 * its first piece (most hold one text piece, and an empty array's first push makes room for 17).
 */
const NONE: never[] = Object.freeze([]) as never[];

function newNode(name: string, attrs: Record<string, string>): BuiltNode {
  return { name, attrs, children: NONE, content: NONE, textLength: 0, firstRaw: -1 };
}

function addChild(parent: BuiltNode, child: BuiltNode): void {
  if (parent.children === NONE) parent.children = [child];
  else parent.children.push(child);
}

function addContent(node: BuiltNode, piece: string | RawText | BuiltNode): void {
  if (node.content === NONE) node.content = [piece];
  else node.content.push(piece);
}

/**
 * Builds the typed feed from scanner events as they come: only the channel's own small elements
 * and the one item being read exist as trees; each item is handed to the tag handlers when it
 * closes and only its draft is kept. Memory so grows with the items kept, not with the document.
 */
export class FeedBuilder implements XmlEvents {
  private readonly stack: Frame[] = [];
  /**
   * How many open frames carry each raw name, so a stray closing tag is resolved in O(1). Built at
   * the first mismatched closing tag: a well-formed document never pays for it.
   */
  private openCount: Map<string, number> | undefined;
  private readonly feed: FeedDraft = { persons: [] };
  private channelNode: BuiltNode | undefined;
  private rootNode: BuiltNode | undefined;
  private readonly channelItems: EpisodeDraft[] = [];
  private readonly rootItems: EpisodeDraft[] = [];
  private rootClosed = false;
  private atomPrefixed = false;
  private nodesInItem = 0;
  /** Stack index of the open ITEM frame, or -1. */
  private openItemAt = -1;
  /** Index of the next `&` at or after the last text checked (2^32 - 1 when there is none). */
  private nextAmpersand = -1;
  /** The same for the next non-ASCII character of a source carried as UTF-8 bytes. */
  private nextNonAscii = -1;
  /** Whether sliceText decodes anything (the source is UTF-8 bytes carried as latin1). */
  private readonly carriesUtf8: boolean;
  /** A raw text piece → text, and a raw CDATA piece → text. */
  private readonly decodeText = (raw: string) => decodeXmlEntities(this.sliceText(raw));
  private readonly decodeCdata = (raw: string) => this.sliceText(raw);
  private ending = false;
  /** Raw → canonical names under `memoScope` (a feed repeats a few dozen names thousands of times). */
  private memo = new Map<string, string>();
  private memoScope: PrefixMap = EMPTY_SCOPE;
  private firstMalformed: { message: string; pos: number } | undefined;
  private readonly result = {
    itemsOverCap: 0,
    itemsCut: 0,
    doctype: false,
    flattened: 0,
    textCut: 0,
  };

  constructor(
    private readonly source: string,
    private readonly format: FeedFormat,
    private readonly ctx: ParseContext,
    private readonly maxItems: number,
    /** Source slice → text (identity, or utf8FromLatin1 for a source carried as UTF-8 bytes). */
    private readonly sliceText: (slice: string) => string = same,
  ) {
    this.carriesUtf8 = sliceText !== same;
  }

  doctype(): void {
    this.result.doctype = true;
  }

  malformed(message: string, pos: number): void {
    this.firstMalformed ??= { message, pos };
  }

  openTag(raw: string, rawAttrs: Record<string, string> | undefined, selfClosing: boolean): void {
    let parent = this.stack[this.stack.length - 1];
    if (parent && (parent.kind === SKIP || parent.kind === FLAT)) {
      if (parent.kind === FLAT) this.result.flattened++;
      this.push({ raw, kind: parent.kind, node: parent.node, scope: parent.scope }, selfClosing);
      return;
    }
    if (!parent && this.rootClosed) {
      this.malformed(`a second root element <${raw.slice(0, 40)}>`, this.position());
      this.push({ raw, kind: SKIP, node: undefined, scope: EMPTY_SCOPE }, selfClosing);
      return;
    }
    const scope = rawAttrs ? scopePrefixes(parent?.scope ?? EMPTY_SCOPE, rawAttrs) : (parent?.scope ?? EMPTY_SCOPE);
    let name = this.canonical(raw, scope);
    if (!parent) {
      this.atomPrefixed = name === 'atom:feed';
      this.rootNode = newNode(name, this.attrs(rawAttrs));
      this.push({ raw, kind: ROOT, node: undefined, scope }, selfClosing);
      return;
    }
    if (this.atomPrefixed && name.startsWith('atom:')) name = name.slice(5);
    const atomFeed = this.format === 'atom';
    if (parent.kind !== ROOT && parent.kind !== CHANNEL && name === (atomFeed ? 'entry' : 'item')) {
      // Items never nest, nor sit inside another element: an item opening inside one means that
      // element lost its closing tag (a corrupted `</item>` or `<itunes:summary>`). Close what is
      // open down to the channel (or root) instead of swallowing every later item into it.
      this.malformed(`<${raw.slice(0, 40)}> inside an unclosed <${parent.raw.slice(0, 40)}>`, this.position());
      const itemAt = this.openItemAt;
      if (itemAt >= 0) while (this.stack.length > itemAt) this.pop();
      for (let top = this.stack[this.stack.length - 1]; top && top.kind !== ROOT && top.kind !== CHANNEL; ) {
        this.pop();
        top = this.stack[this.stack.length - 1];
      }
      parent = this.stack[this.stack.length - 1] as Frame;
    }
    const frame: Frame = { raw, kind: SKIP, node: undefined, scope };
    if (parent.kind === ROOT || parent.kind === CHANNEL) {
      const isItem = atomFeed ? name === 'entry' && parent.kind === ROOT : name === 'item';
      if (isItem) {
        const inChannel = parent.kind === CHANNEL;
        const kept = inChannel ? this.channelItems : this.rootItems;
        if (kept.length < this.maxItems) {
          frame.kind = ITEM;
          frame.inChannel = inChannel;
          frame.node = newNode(name, this.attrs(rawAttrs));
          this.nodesInItem = 1;
          this.openItemAt = this.stack.length;
        } else {
          this.result.itemsOverCap++;
        }
      } else if (parent.kind === ROOT && !atomFeed && name === 'channel') {
        if (!this.channelNode) {
          frame.kind = CHANNEL;
          this.channelNode = newNode(name, this.attrs(rawAttrs));
        }
      } else if (parent.kind === CHANNEL || atomFeed) {
        frame.kind = CAPTURE;
        frame.node = newNode(name, this.attrs(rawAttrs));
        this.nodesInItem = 1;
        addChild((parent.kind === CHANNEL ? this.channelNode : this.rootNode) as BuiltNode, frame.node);
      }
    } else if (this.stack.length < MAX_DEPTH && this.nodesInItem < MAX_NODES_PER_ITEM) {
      frame.kind = INNER;
      frame.node = newNode(name, this.attrs(rawAttrs));
      this.nodesInItem++;
      const into = parent.node as BuiltNode;
      addChild(into, frame.node);
      addContent(into, frame.node);
    } else {
      frame.kind = FLAT;
      frame.node = parent.node;
      this.result.flattened++;
    }
    this.push(frame, selfClosing);
  }

  text(from: number, to: number): void {
    const src = this.source;
    // Positions only grow, so remembering the next `&` keeps this check linear overall.
    if (this.nextAmpersand < from) this.nextAmpersand = src.indexOf('&', from) >>> 0;
    if (!this.firstMalformed && this.nextAmpersand < to && bareAmpersand(src.slice(this.nextAmpersand, to)) >= 0)
      this.malformed(`char '&' is not expected.`, this.position());
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (src.slice(from, to).trim() !== '') this.malformed('text outside the root element', this.position());
      return;
    }
    // Whitespace between an item's or the channel's children is never read: not even sliced.
    if (top.kind < CAPTURE || top.kind === SKIP) return;
    const node = top.node as BuiltNode;
    let room = TEXT_CAP - node.textLength;
    // A piece that fits as written fits decoded (decoding never lengthens), so it is kept whole.
    if (to - from <= room) {
      const decode = this.nextAmpersand < to || this.nonAsciiBefore(from, to) ? this.decodeText : undefined;
      this.keepWhole(node, src.slice(from, to), decode);
      return;
    }
    room = this.exactRoom(node);
    if (room <= 0) {
      this.result.textCut += to - from;
      return;
    }
    const rawEnd = Math.min(to, from + room * LONGEST_REFERENCE + LONGEST_REFERENCE);
    let piece = decodeXmlEntities(this.sliceText(src.slice(from, rawEnd)));
    if (piece.length > room) {
      this.result.textCut += piece.length - room;
      piece = piece.slice(0, room);
    }
    this.result.textCut += to - rawEnd;
    this.append(node, piece);
  }

  cdata(raw: string, from: number): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || top.kind < CAPTURE || top.kind === SKIP) return;
    const node = top.node as BuiltNode;
    if (raw.length <= TEXT_CAP - node.textLength) {
      this.keepWhole(node, raw, this.nonAsciiBefore(from, from + raw.length) ? this.decodeCdata : undefined);
      return;
    }
    const text = this.sliceText(raw);
    const room = this.exactRoom(node);
    if (room < text.length) this.result.textCut += text.length - Math.max(0, room);
    if (room > 0) this.append(node, room < text.length ? text.slice(0, room) : text);
  }

  openName(): string | undefined {
    return this.stack[this.stack.length - 1]?.raw;
  }

  closeTag(raw: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.malformed(`closing tag '${raw.slice(0, 40)}' after the root element`, this.position());
      return;
    }
    if (top.raw === raw) {
      this.pop();
      return;
    }
    if (!this.openCount) {
      this.openCount = new Map();
      for (const f of this.stack) this.openCount.set(f.raw, (this.openCount.get(f.raw) ?? 0) + 1);
    }
    if ((this.openCount.get(raw) ?? 0) > 0) {
      this.malformed(
        `Expected closing tag '${top.raw.slice(0, 40)}' instead of closing tag '${raw.slice(0, 40)}'.`,
        this.position(),
      );
      while (this.stack[this.stack.length - 1]?.raw !== raw) this.pop();
      this.pop();
      return;
    }
    this.malformed(`closing tag '${raw.slice(0, 40)}' matches no open element`, this.position());
  }

  /** Ends the document: what is still open is closed, except items, which are incomplete and dropped. */
  finish(): BuiltFeed {
    if (this.stack.length > 0) {
      this.malformed(
        `document ends inside <${this.stack[this.stack.length - 1]?.raw.slice(0, 40)}>`,
        this.source.length,
      );
      this.ending = true;
      while (this.stack.length > 0) this.pop();
    }
    const m = this.firstMalformed;
    return {
      feed: this.feed,
      items: [...this.channelItems, ...this.rootItems],
      sawChannel: this.channelNode !== undefined,
      ...this.result,
      ...(m && { malformed: `line ${this.lineOf(m.pos)}: ${this.sliceText(m.message)}` }),
    };
  }

  /** Where the current token starts (the scanner's), so a malformation gets a line number. */
  locate: () => number = () => 0;

  private position(): number {
    return this.locate();
  }

  private lineOf(pos: number): number {
    let line = 1;
    for (let i = this.source.indexOf('\n'); i >= 0 && i < pos; i = this.source.indexOf('\n', i + 1)) line++;
    return line;
  }

  private canonical(raw: string, scope: PrefixMap): string {
    if (scope !== this.memoScope || this.memo.size >= NAME_MEMO_SIZE) {
      this.memo = new Map();
      this.memoScope = scope;
    }
    let name = this.memo.get(raw);
    if (name === undefined) {
      name = canonicalName(raw, scope);
      this.memo.set(raw, name);
    }
    return name;
  }

  private attrs(raw: Record<string, string> | undefined): Record<string, string> {
    if (!raw) return NO_ATTRS;
    // Most attributes are lower-case names with plain values: the scanner's object is kept as it
    // is unless one of them changes (a copy per element was a good part of the garbage).
    let out: Record<string, string> | undefined;
    for (const k in raw) {
      const v = raw[k] as string;
      if (!this.firstMalformed && v.includes('&') && bareAmpersand(v) >= 0)
        this.malformed(`char '&' is not expected.`, this.position());
      const key = k.toLowerCase();
      const value = decodeXmlEntities(this.sliceText(v));
      if (!out && (key !== k || value !== v)) {
        out = {};
        for (const earlier in raw) {
          if (earlier === k) break;
          out[earlier] = raw[earlier] as string;
        }
      }
      if (out) out[key] = value;
    }
    return out ?? raw;
  }

  /** Keeps a piece that fits: as it is, or (when `decode` has work to do) as RawText decoded when read. */
  private keepWhole(node: BuiltNode, raw: string, decode: ((raw: string) => string) | undefined): void {
    if (!decode) {
      this.append(node, raw);
      return;
    }
    if (node.firstRaw < 0) node.firstRaw = node.content.length;
    addContent(node, new RawText(raw, decode));
    node.textLength += raw.length;
  }

  /** Whether the source holds a non-ASCII character in `from`–`to` (never, unless it carries UTF-8 bytes). */
  private nonAsciiBefore(from: number, to: number): boolean {
    if (!this.carriesUtf8) return false;
    if (this.nextNonAscii < from) {
      NON_ASCII_FROM.lastIndex = from;
      this.nextNonAscii = NON_ASCII_FROM.test(this.source) ? NON_ASCII_FROM.lastIndex - 1 : NONE_AFTER;
    }
    return this.nextNonAscii < to;
  }

  /** TEXT_CAP less the node's text, its RawText pieces decoded first (a piece that may be cut needs it exact). */
  private exactRoom(node: BuiltNode): number {
    // Only the pieces since the last call are visited: each piece is decoded here at most once.
    if (node.firstRaw >= 0) {
      const content = node.content;
      for (let i = node.firstRaw; i < content.length; i++) {
        const piece = content[i];
        if (!(piece instanceof RawText)) continue;
        const text = piece.text();
        content[i] = text;
        node.textLength += text.length - piece.raw.length;
      }
      node.firstRaw = -1;
    }
    return TEXT_CAP - node.textLength;
  }

  private append(node: BuiltNode, piece: string): void {
    addContent(node, piece);
    node.textLength += piece.length;
  }

  private push(frame: Frame, selfClosing: boolean): void {
    this.stack.push(frame);
    this.openCount?.set(frame.raw, (this.openCount.get(frame.raw) ?? 0) + 1);
    if (selfClosing) this.pop();
  }

  private pop(): void {
    const frame = this.stack.pop() as Frame;
    this.openCount?.set(frame.raw, (this.openCount.get(frame.raw) as number) - 1);
    switch (frame.kind) {
      case ITEM: {
        this.openItemAt = -1;
        if (this.ending) {
          this.result.itemsCut++;
          return;
        }
        const ep: EpisodeDraft = { transcripts: [], persons: [] };
        if (this.format === 'atom') atom.entry(frame.node as BuiltNode, ep, this.ctx);
        else rss.item(frame.node as BuiltNode, ep, this.ctx);
        (frame.inChannel ? this.channelItems : this.rootItems).push(ep);
        return;
      }
      case CHANNEL:
        rss.channel(this.channelNode as BuiltNode, this.feed, this.ctx);
        return;
      case ROOT:
        this.rootClosed = true;
        if (this.format === 'atom') atom.feed(this.rootNode as BuiltNode, this.feed, this.ctx);
        return;
    }
  }
}
