/** What the last readPlainTag call read (one object for every call: no match array per tag). */
export const plainTag = { name: '', closing: false };

// The whitespace htmlparser2 knows; an unquoted attribute value ends at it or at `"'=<>` and backtick.
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isLetterOrDigit(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39);
}

function isAttrNameStart(c: number): boolean {
  return isLetter(c) || c === 0x5f || c === 0x3a;
}

function isAttrNameChar(c: number): boolean {
  return isLetterOrDigit(c) || c === 0x2d || c === 0x5f || c === 0x3a || c === 0x2e;
}

function isUnquotedValueChar(c: number): boolean {
  return !isSpace(c) && c !== 0x22 && c !== 0x27 && c !== 0x3d && c !== 0x3c && c !== 0x3e && c !== 0x60;
}

/** Where the value of an attribute (its `=` at `eq`, spaces before it skipped) ends, or -1. */
function valueEnd(html: string, eq: number): number {
  let k = eq + 1;
  while (isSpace(html.charCodeAt(k))) k++;
  const quote = html.charCodeAt(k);
  if (quote === 0x22 || quote === 0x27) {
    const close = html.indexOf(quote === 0x22 ? '"' : "'", k + 1);
    return close < 0 ? -1 : close + 1;
  }
  const start = k;
  while (k < html.length && isUnquotedValueChar(html.charCodeAt(k))) k++;
  return k > start ? k : -1;
}

/**
 * A tag written plainly at `lt`: `</name>` (spaces before `>` allowed) or `<name attr="v" a=v b …>`
 * (`/>` allowed). Returns the index after it, with its name as written in plainTag, or -1 for
 * anything else. The same tags as the pattern
 * `<(?:/(NAME)WS*|(NAME)(?:WS+ATTR)*WS*\/?)>`, read in one pass without backtracking.
 */
export function readPlainTag(html: string, lt: number): number {
  const closing = html.charCodeAt(lt + 1) === 0x2f;
  const nameStart = closing ? lt + 2 : lt + 1;
  if (!isLetter(html.charCodeAt(nameStart))) return -1;
  let j = nameStart + 1;
  while (isLetterOrDigit(html.charCodeAt(j))) j++;
  plainTag.name = html.slice(nameStart, j);
  plainTag.closing = closing;
  for (;;) {
    let k = j;
    while (isSpace(html.charCodeAt(k))) k++;
    const c = html.charCodeAt(k);
    if (c === 0x3e) return k + 1;
    if (closing) return -1;
    if (c === 0x2f && html.charCodeAt(k + 1) === 0x3e) return k + 2;
    // Another attribute must be set off by whitespace.
    if (k === j || !isAttrNameStart(c)) return -1;
    k++;
    while (isAttrNameChar(html.charCodeAt(k))) k++;
    let eq = k;
    while (isSpace(html.charCodeAt(eq))) eq++;
    if (html.charCodeAt(eq) === 0x3d) {
      k = valueEnd(html, eq);
      if (k < 0) return -1;
    }
    j = k;
  }
}
