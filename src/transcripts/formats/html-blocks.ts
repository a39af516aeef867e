import { Parser } from 'htmlparser2';
import { collapseWhitespace } from '../normalize.js';

/** Text of an HTML document in reading order: `cite` and `time` kept apart, the rest as blocks. */
export interface HtmlBlock {
  kind: 'cite' | 'time' | 'text';
  text: string;
}

export interface HtmlContent {
  blocks: HtmlBlock[];
  language?: string;
}

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'select',
  'option',
  'textarea',
  'button',
  'audio',
  'video',
  'map',
]);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'br',
  'hr',
  'body',
  'figure',
  'figcaption',
  'address',
  'details',
  'summary',
]);

/**
 * Walks HTML with htmlparser2 and keeps only visible text: script/style/embedded content and
 * elements hidden by `hidden`, `aria-hidden` or inline `display:none`/`visibility:hidden`
 * are dropped; entities are decoded; no markup survives.
 */
export function htmlBlocks(html: string): HtmlContent {
  const blocks: HtmlBlock[] = [];
  const skipStack: boolean[] = [];
  let buffer = '';
  let language: string | undefined;
  const skipping = (): boolean => skipStack[skipStack.length - 1] === true;
  const flush = (kind: HtmlBlock['kind']): void => {
    const text = collapseWhitespace(buffer);
    buffer = '';
    if (text !== '' || kind !== 'text') blocks.push({ kind, text });
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'html' && attribs.lang) language = attribs.lang;
        const hide = skipping() || SKIPPED.has(name) || isHidden(attribs);
        if (!hide && (BLOCK.has(name) || name === 'cite' || name === 'time')) flush('text');
        skipStack.push(hide);
      },
      ontext(text) {
        if (!skipping()) buffer += text;
      },
      onclosetag(name) {
        const wasSkipping = skipStack.pop() === true;
        if (wasSkipping) return;
        if (name === 'cite' || name === 'time') flush(name);
        else if (BLOCK.has(name)) flush('text');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush('text');
  return { blocks: blocks.filter((b) => b.text !== ''), ...(language ? { language } : {}) };
}

function isHidden(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs) return true;
  if (attribs['aria-hidden']?.trim().toLowerCase() === 'true') return true;
  const style = (attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return /display:none|visibility:hidden|font-size:0(?![.\d])|opacity:0(?![.\d])/.test(style);
}
