import { decodeHTML } from 'entities';
import { plainTag, readPlainTag } from './html-tag.js';

// What a tag is to htmlToText and to htmlparser2's tree rules, for the few tags most show notes use.
const BLOCK = 1; // a paragraph break where it opens and where it closes
const LINE = 2; // a line break where it opens
const VOID = 4; // never open: closed as soon as it is read
const CLOSES_P = 8; // opening it closes an open <p> directly above it
const CLOSES_LI = 16; // opening it closes an open <li> directly above it

const KINDS = new Map<string, number>([
  ['p', BLOCK | CLOSES_P],
  ['div', BLOCK | CLOSES_P],
  ['ul', BLOCK | CLOSES_P],
  ['ol', BLOCK | CLOSES_P],
  ['blockquote', BLOCK | CLOSES_P],
  ['h1', BLOCK | CLOSES_P],
  ['h2', BLOCK | CLOSES_P],
  ['h3', BLOCK | CLOSES_P],
  ['h4', BLOCK | CLOSES_P],
  ['h5', BLOCK | CLOSES_P],
  ['h6', BLOCK | CLOSES_P],
  ['hr', BLOCK | CLOSES_P | VOID],
  ['li', LINE | CLOSES_LI],
  ['br', LINE | VOID],
  ['img', VOID],
  ['a', 0],
  ['b', 0],
  ['i', 0],
  ['u', 0],
  ['s', 0],
  ['em', 0],
  ['strong', 0],
  ['span', 0],
  ['sup', 0],
  ['sub', 0],
  ['small', 0],
  ['code', 0],
]);

/**
 * The text htmlparser2 (entities left to decodeHTML) hands to htmlToText's handler for plain show
 * notes, in one pass without its tokenizer; undefined for anything else (another tag, a comment, a
 * stray `<`, a doubtful attribute), which htmlparser2 itself must read. It follows htmlparser2's
 * tree rules for these tags: implied closes, `</p>` and `</br>` without an opening, and what is
 * still open at the end.
 */
export function simpleHtmlText(html: string, max: number): string | undefined {
  const stack: string[] = [];
  let out = '';
  let at = 0;
  for (;;) {
    const lt = html.indexOf('<', at);
    const end = lt < 0 ? html.length : lt;
    if (end > at && out.length <= max * 2) {
      const text = html.slice(at, end);
      out += text.includes('&') ? decodeHTML(text) : text;
    }
    if (lt < 0) break;
    const after = readPlainTag(html, lt);
    if (after < 0) return undefined;
    const { closing } = plainTag;
    const name = plainTag.name.toLowerCase();
    const kind = KINDS.get(name);
    if (kind === undefined) return undefined;
    at = after;
    if (!closing) {
      out += open(stack, name, kind);
    } else if (kind & VOID) {
      if (name === 'br') out += '\n';
    } else {
      const pos = stack.lastIndexOf(name);
      if (pos >= 0) {
        while (stack.length > pos) if ((KINDS.get(stack.pop() as string) as number) & BLOCK) out += '\n\n';
      } else if (name === 'p') {
        out += '\n\n\n\n';
      }
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) if ((KINDS.get(stack[i] as string) as number) & BLOCK) out += '\n\n';
  return out;
}

/** Opens a tag as htmlparser2 does; returns the breaks that adds. */
function open(stack: string[], name: string, kind: number): string {
  let out = '';
  if (kind & CLOSES_P) {
    while (stack[stack.length - 1] === 'p') {
      stack.pop();
      out += '\n\n';
    }
  }
  if (kind & CLOSES_LI) while (stack[stack.length - 1] === 'li') stack.pop();
  if (!(kind & VOID)) stack.push(name);
  if (kind & BLOCK) out += kind & VOID ? '\n\n\n\n' : '\n\n';
  else if (kind & LINE) out += '\n';
  return out;
}
