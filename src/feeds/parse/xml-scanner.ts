/**
 * What the scanner reports, in document order. Text arrives raw (entities not decoded); CDATA
 * arrives as written. Names arrive as written (case and prefix kept).
 */
export interface XmlEvents {
  openTag(name: string, attrs: Record<string, string> | undefined, selfClosing: boolean): void;
  /** Raw text `from`–`to` of the scanned string (a stray `<` comes as a one-character range). */
  text(from: number, to: number): void;
  /** A CDATA section's text, which starts at `from` in the scanned string. */
  cdata(text: string, from: number): void;
  closeTag(name: string): void;
  /**
   * The name of the innermost open element as it came to openTag, if the handler keeps one: its
   * closing tag is then recognised in place instead of sliced out of the document.
   */
  openName?(): string | undefined;
  /** A DOCTYPE before the root element (its entity declarations are never expanded). */
  doctype(): void;
  /** A well-formedness error at `pos`; scanning goes on leniently. */
  malformed(message: string, pos: number): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Letters, `_`, `:` and anything non-ASCII may start an XML name. */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80;
}

/**
 * A pull-driven XML tokenizer over one string: `scan(until)` reports tokens up to about `until`
 * and returns, so a caller can parse a big document in slices and yield between them. It keeps no
 * tree and no entity table (DTD entities are never expanded), recovers from what real feeds get
 * wrong (bare `&`, unquoted or valueless attributes, stray `<`), and reports the end of input
 * inside a tag, comment or CDATA section as malformed rather than throwing.
 */
/** Slots of the name cache (a power of two). */
const NAME_SLOTS = 512;

export class XmlScanner {
  private pos = 0;
  /**
   * Tag and attribute names seen, by a hash of their characters: a feed repeats a few dozen names
   * thousands of times, so most are found here instead of sliced out anew (and, being the same
   * string each time, compare and look up fast downstream).
   */
  private readonly names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
  private sawElement = false;
  /** Where the token being reported starts. */
  tokenStart = 0;

  constructor(
    private readonly s: string,
    private readonly events: XmlEvents,
  ) {}

  get done(): boolean {
    return this.pos >= this.s.length;
  }

  get position(): number {
    return this.pos;
  }

  /** Reports tokens until the position reaches `until` (a token that starts before it is finished). */
  scan(until: number = Number.POSITIVE_INFINITY): void {
    const s = this.s;
    const n = s.length;
    const ev = this.events;
    let i = this.pos;
    while (i < n && i < until) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        this.text(i, n);
        i = n;
        break;
      }
      if (lt > i) this.text(i, lt);
      this.tokenStart = lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        const open = ev.openName?.();
        const last = open ? open.charCodeAt(open.length - 1) : 0;
        // The general case below reads the same when the name ends in printable ASCII (trim() keeps it whole).
        if (
          open &&
          last > 0x20 &&
          last < 0x80 &&
          s.charCodeAt(lt + 2 + open.length) === GT &&
          s.startsWith(open, lt + 2)
        ) {
          ev.closeTag(open);
          i = lt + 3 + open.length;
          continue;
        }
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) {
          ev.malformed('document ends inside a closing tag', lt);
          i = n;
          break;
        }
        ev.closeTag(s.slice(lt + 2, gt).trim());
        i = gt + 1;
      } else if (isNameStart(c)) {
        i = this.openTag(lt);
      } else if (c === BANG) {
        i = this.declaration(lt);
      } else if (c === QUESTION) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) {
          ev.malformed('document ends inside a processing instruction', lt);
          i = n;
          break;
        }
        i = end + 2;
      } else {
        ev.malformed(`char '<' is not expected.`, lt);
        ev.text(lt, lt + 1);
        i = lt + 1;
      }
    }
    this.pos = i;
  }

  private text(from: number, to: number): void {
    this.tokenStart = from;
    this.events.text(from, to);
  }

  /** `<!--`, `<![CDATA[`, `<!DOCTYPE`; returns the index after it. */
  private declaration(lt: number): number {
    const s = this.s;
    const ev = this.events;
    if (s.startsWith('--', lt + 2)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) {
        ev.malformed('document ends inside a comment', lt);
        return s.length;
      }
      return end + 3;
    }
    if (s.startsWith('[CDATA[', lt + 2)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) {
        ev.malformed('document ends inside a CDATA section', lt);
        return s.length;
      }
      ev.cdata(s.slice(lt + 9, end), lt + 9);
      return end + 3;
    }
    // A DOCTYPE (with an optional internal subset) or another markup declaration: skipped whole.
    let end = s.indexOf('>', lt + 2);
    const subset = s.indexOf('[', lt + 2);
    if (subset >= 0 && (end < 0 || subset < end)) {
      const close = s.indexOf(']', subset);
      end = close < 0 ? -1 : s.indexOf('>', close);
    }
    if (end < 0) {
      ev.malformed('document ends inside a markup declaration', lt);
      return s.length;
    }
    if (!this.sawElement && /^<!DOCTYPE/i.test(s.slice(lt, lt + 9))) ev.doctype();
    else ev.malformed('markup declaration inside the document', lt);
    return end + 1;
  }

  /** The name `from`–`to` (its characters' hash given): the cached string when it is the same. */
  private name(from: number, to: number, hash: number): string {
    const slot = hash & (NAME_SLOTS - 1);
    const cached = this.names[slot];
    if (cached !== undefined && cached.length === to - from && this.s.startsWith(cached, from)) return cached;
    const name = this.s.slice(from, to);
    this.names[slot] = name;
    return name;
  }

  /** `<name attr="v" …>` or `…/>`; returns the index after it. */
  private openTag(lt: number): number {
    const s = this.s;
    const n = s.length;
    const ev = this.events;
    let j = lt + 1;
    let hash = 0;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === GT || c === SLASH || isSpace(c)) break;
      hash = (hash * 31 + c) | 0;
      j++;
    }
    const name = this.name(lt + 1, j, hash);
    let attrs: Record<string, string> | undefined;
    for (;;) {
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) break;
      const c = s.charCodeAt(j);
      if (c === GT) {
        this.sawElement = true;
        ev.openTag(name, attrs, false);
        return j + 1;
      }
      if (c === SLASH) {
        if (s.charCodeAt(j + 1) === GT) {
          this.sawElement = true;
          ev.openTag(name, attrs, true);
          return j + 2;
        }
        j++;
        continue;
      }
      if (c === LT) {
        // `<a <b>`: the tag was never closed; end it here so the next one is read.
        ev.malformed(`unclosed tag '${name.slice(0, 40)}'`, j);
        this.sawElement = true;
        ev.openTag(name, attrs, false);
        return j;
      }
      const start = j;
      let hash = 0;
      while (j < n) {
        const k = s.charCodeAt(j);
        if (k === EQUALS || k === GT || k === SLASH || isSpace(k)) break;
        hash = (hash * 31 + k) | 0;
        j++;
      }
      const attrName = this.name(start, j, hash);
      let value = '';
      let k = j;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (s.charCodeAt(k) === EQUALS) {
        k++;
        while (k < n && isSpace(s.charCodeAt(k))) k++;
        const q = s.charCodeAt(k);
        if (q === QUOTE || q === APOS) {
          const close = s.indexOf(q === QUOTE ? '"' : "'", k + 1);
          if (close < 0) break;
          value = s.slice(k + 1, close);
          j = close + 1;
        } else {
          let e = k;
          while (e < n) {
            const x = s.charCodeAt(e);
            if (x === GT || isSpace(x)) break;
            e++;
          }
          ev.malformed(`attribute '${attrName.slice(0, 40)}' has an unquoted value`, k);
          value = s.slice(k, e);
          j = e;
        }
      }
      attrs ??= {};
      if (attrName in attrs) ev.malformed(`Attribute '${attrName.slice(0, 40)}' is repeated.`, start);
      else attrs[attrName] = value;
    }
    ev.malformed('document ends inside a tag', lt);
    return n;
  }
}
