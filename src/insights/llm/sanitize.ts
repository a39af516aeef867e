import { collapseWhitespace } from '../../transcripts/normalize.js';

const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
// Only common TLDs for bare domains, so "Node.js" or "e.g." survive; anything with a path goes.
const TLDS =
  'com|net|org|io|ai|co|xyz|info|biz|app|dev|ly|me|gg|tv|fm|link|site|online|club|shop|top|example|us|uk|de|ru|cn';

// A Markdown link target, allowing one level of parentheses: (javascript:alert(1)).
const TARGET = String.raw`\((?:[^()]|\([^()]*\))*\)`;
const MD_IMAGE = new RegExp(String.raw`!\[[^\]]*\]` + TARGET, 'g');
const MD_LINK = new RegExp(String.raw`\[([^\]]*)\]` + TARGET, 'g');

const LINK_PATTERNS: RegExp[] = [
  MD_IMAGE,
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`)\]]*/gi, // scheme://…
  /\bwww\.[^\s<>"'`)\]]+/gi,
  /\b(?:javascript|data|vbscript|mailto|file):[^\s<>"'`)\]]*/gi,
  /[^\s@<>()[\]"']+@[^\s@<>()[\]"']+\.[a-z]{2,}\b/gi, // email addresses
  new RegExp(`\\b(?:${LABEL}\\.)+[a-z]{2,}(?::\\d+)?/[^\\s<>"'\`)\\]]*`, 'gi'), // domain/path
  new RegExp(`\\b(?:${LABEL}\\.)+(?:${TLDS})\\b`, 'gi'), // bare domain
];

const MARKUP_PATTERNS: Array<[RegExp, string]> = [
  [MD_IMAGE, ' '], // before links, which would keep its alt text
  [MD_LINK, '$1'], // keep the link's words, not its target
  [/<\/?[a-z!?][^>]*>/gi, ' '], // HTML tags and comments
  [/[<>]/g, ' '],
  [/(\*\*|__)(.+?)\1/g, '$2'],
  [/`+/g, ''],
  [/^\s*(?:#{1,6}|[-*+>])\s+/gm, ''],
];

const INJECTION_PATTERNS: RegExp[] = [
  /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)*(?:previous|prior|above|earlier|preceding|original)\s+(?:instructions?|prompts?|rules|directions|messages?)\b/i,
  /\bsystem\s+prompt\b/i,
  /\bnew\s+instructions?\s*:/i,
];

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** Model prose made plain: no links, addresses, HTML or Markdown, no control or bidi characters. */
export function plainModelText(text: string): string {
  let out = text.replace(CONTROL, '');
  for (const [pattern, replacement] of MARKUP_PATTERNS) out = out.replace(pattern, replacement);
  for (const pattern of LINK_PATTERNS) out = out.replace(pattern, ' ');
  return collapseWhitespace(out.replace(/\(\s*\)/g, ' ')).replace(/\s+([.,;:!?])/g, '$1');
}

/** Whether the text holds a link, an address or markup a brief must not carry. */
export function containsLink(text: string): boolean {
  return LINK_PATTERNS.some((p) => text.search(p) !== -1) || /<\/?[a-z][^>]*>|\]\(/i.test(text);
}

/** Whether the text repeats prompt-injection phrasing instead of saying something about the episode. */
export function looksLikeInjection(text: string): boolean {
  return INJECTION_PATTERNS.some((p) => p.test(text));
}
