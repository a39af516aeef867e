import { Parser } from 'htmlparser2';
import type { XmlNode } from './xml-tree.js';

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
  for (const piece of node.content) if (typeof piece === 'string') out += piece;
  return out;
}

/** All text below an element, for HTML that a feed put in without escaping it. */
export function deepTextOf(node: XmlNode): string {
  let out = '';
  for (const piece of node.content) out += typeof piece === 'string' ? piece : deepTextOf(piece);
  return out;
}

/**
 * Whitespace runs within a line become one space, lines are trimmed, at most one blank line is
 * kept, and the whole is trimmed: four linear passes (no per-line split and join). The first
 * leaves single plain spaces alone: replacing each one with itself costs more than all the rest.
 */
function tidy(text: string): string {
  return text
    .replace(/[^\S\n]{2,}|[^\S \n]/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A one-line field: whitespace collapsed, bounded. */
export function cleanLine(text: string, max: number = LIMITS.title): string {
  return truncate(text.replace(/\s{2,}|[^\S ]/g, ' ').trim(), max);
}

/** HTML show notes → plain text: scripts/styles dropped, blocks become line breaks, entities decoded. */
export function htmlToText(html: string, max: number = LIMITS.description): string {
  // No tag and no entity: nothing for the HTML parser to do (it would hand the text back whole).
  if (!html.includes('<') && !html.includes('&')) return truncate(tidy(truncate(html, LIMITS.htmlInput)), max);
  let out = '';
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (PARAGRAPH.has(name)) out += '\n\n';
        else if (LINE.has(name)) out += '\n';
      },
      ontext(text) {
        if (skipping === 0 && out.length <= max * 2) out += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (PARAGRAPH.has(name)) out += '\n\n';
      },
    },
    { decodeEntities: true },
  );
  parser.end(truncate(html, LIMITS.htmlInput));
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
