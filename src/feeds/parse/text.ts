import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { simpleHtmlText } from './simple-html.js';
import { RawText, type XmlNode } from './xml-tree.js';

export const LIMITS = {
  title: 1_000,
  description: 64 * 1024,
  /** HTML beyond this is not even tokenised: the text it could add would be cut anyway. */
  htmlInput: 1024 * 1024,
  name: 300,
  short: 200,
} as const;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head', 'select']);
const PARAGRAPH = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'hr',
  'figure',
  'figcaption',
]);
const LINE = new Set(['br', 'li', 'tr', 'dt', 'dd']);

/** Cuts at a code-point boundary so no lone surrogate is left behind. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Own text and CDATA of an element (not of its children), in order. */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  let out = '';
  for (const piece of node.content) {
    if (typeof piece === 'string') out += piece;
    else if (piece instanceof RawText) out += piece.text();
  }
  return out;
}

/** All text below an element, for HTML that a feed put in without escaping it. */
export function deepTextOf(node: XmlNode): string {
  let out = '';
  for (const piece of node.content)
    out += typeof piece === 'string' ? piece : piece instanceof RawText ? piece.text() : deepTextOf(piece);
  return out;
}

/** Show notes' HTML: an element's text, and its children's for HTML a feed put in without escaping it. */
export function notesHtml(node: XmlNode): string {
  return node.children.length > 0 ? deepTextOf(node) : textOf(node);
}

/** Whether `c` is whitespace as `\s` and trim() see it. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A whitespace run tidy may change: two characters or more, or one that is neither a space nor a line break. */
const UNTIDY_RUN = /\s{2,}|[^\S \n]/g;

/**
 * The whole is trimmed and each whitespace run inside becomes one space, or one line break when it
 * holds one, or one blank line when it holds more. The regex finds the runs to change and only
 * those are copied around (four regex replaces took as long as the HTML tokenizer; a loop over
 * every character, a tenth of a notes read).
 */
function tidy(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  let out = '';
  let copied = start;
  UNTIDY_RUN.lastIndex = start;
  // `test` moves lastIndex to the run's end without making a match array; a run starts after a
  // non-space (a match ends where its run does), so its start is found walking back.
  while (UNTIDY_RUN.test(text)) {
    const j = UNTIDY_RUN.lastIndex;
    if (j > end) break;
    let i = j - 1;
    while (i > copied && isSpace(text.charCodeAt(i - 1))) i--;
    if (j - i === 2 && text.charCodeAt(i) === 0x0a && text.charCodeAt(i + 1) === 0x0a) continue;
    let breaks = 0;
    for (let k = i; k < j; k++) if (text.charCodeAt(k) === 0x0a) breaks++;
    out += `${text.slice(copied, i)}${breaks === 0 ? ' ' : breaks === 1 ? '\n' : '\n\n'}`;
    copied = j;
  }
  return copied === start ? text.slice(start, end) : out + text.slice(copied, end);
}

/** A one-line field: whitespace collapsed, bounded. */
export function cleanLine(text: string, max: number = LIMITS.title): string {
  return truncate(text.replace(/\s{2,}|[^\S ]/g, ' ').trim(), max);
}

/** What one htmlToText call has gathered (one handler object for every call's parser). */
const state = { out: '', skipping: 0, max: 0, decode: false };

const handler = {
  // Names only: asking for onopentag would make the parser build an attribute object per tag.
  onopentagname(name: string) {
    if (SKIPPED.has(name)) state.skipping++;
    else if (PARAGRAPH.has(name)) state.out += '\n\n';
    else if (LINE.has(name)) state.out += '\n';
  },
  ontext(text: string) {
    if (state.skipping === 0 && state.out.length <= state.max * 2)
      state.out += state.decode && text.includes('&') ? decodeHTML(text) : text;
  },
  onclosetag(name: string) {
    if (SKIPPED.has(name)) state.skipping = Math.max(0, state.skipping - 1);
    else if (PARAGRAPH.has(name)) state.out += '\n\n';
  },
};
/** Elements whose text the tokenizer reads its own way: entities left as written, or `<&…` kept. */
const SPECIAL_TEXT_ELEMENT = /<(?:textarea|xmp|title)/i;

/** HTML show notes → plain text: scripts/styles dropped, blocks become line breaks, entities decoded. */
export function htmlToText(html: string, max: number = LIMITS.description): string {
  // No tag and no entity: nothing for the HTML parser to do (it would hand the text back whole).
  if (!html.includes('<') && !html.includes('&')) return truncate(tidy(truncate(html, LIMITS.htmlInput)), max);
  const input = truncate(html, LIMITS.htmlInput);
  // Skimming hands over text in longer runs, so the length check would fall at other places; below
  // `max` characters of input the output never reaches `max * 2` (each tag adds at most 4/3 of its length).
  // Skimming leaves entities to `decodeHTML` on whole text runs (the same decoder in the same
  // legacy mode), so the tokenizer skips through text to the next `<` instead of stepping through
  // it character by character.
  const skim = input.length <= max && !(input.includes('&') && SPECIAL_TEXT_ELEMENT.test(input));
  const simple = skim ? simpleHtmlText(input, max) : undefined;
  if (simple !== undefined) return truncate(tidy(simple), max);
  state.out = '';
  state.skipping = 0;
  state.max = max;
  state.decode = skim;
  // A new parser each time: reset() leaves the tokenizer inside a <script> an earlier call ended in.
  new Parser(handler, { decodeEntities: !skim }).end(input);
  const out = state.out;
  state.out = '';
  return truncate(tidy(out), max);
}

/** Decodes HTML named entities a feed left in plain text (`&rsquo;`), only where a `;` closes them. */
function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&[a-zA-Z][a-zA-Z0-9]{1,31};/g, (entity) => {
    let decoded = '';
    const parser = new Parser({ ontext: (t) => (decoded += t) }, { decodeEntities: true });
    parser.end(entity);
    return decoded || entity;
  });
}

/** A title-like field: HTML entities decoded, whitespace collapsed, bounded. */
export function plainTitle(raw: string, max: number = LIMITS.title): string {
  return cleanLine(decodeHtmlEntities(raw), max);
}
