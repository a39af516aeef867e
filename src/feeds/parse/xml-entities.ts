function fromCodePoint(code: number): string {
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : '\uFFFD';
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** The five predefined entities by name length (2 to 4 letters between `&` and `;`). */
function predefined(text: string, at: number, length: number): string | undefined {
  if (length === 2) return text.startsWith('lt', at) ? '<' : text.startsWith('gt', at) ? '>' : undefined;
  if (length === 3) return text.startsWith('amp', at) ? '&' : undefined;
  return text.startsWith('quot', at) ? '"' : text.startsWith('apos', at) ? "'" : undefined;
}

/** What the last referenceEnd call decoded (one reference is read at a time: no object per reference). */
let referenceValue = '';

/**
 * Where the reference starting with the `&` at `amp` (`&#x41;`, `&#65;`, `&amp;`) ends, with its
 * value in `referenceValue`; -1 when it is none.
 */
function referenceEnd(text: string, amp: number): number {
  let i = amp + 1;
  if (text.charCodeAt(i) === 0x23) {
    const hex = (text.charCodeAt(i + 1) | 0x20) === 0x78;
    const digit = hex ? isHexDigit : isDigit;
    const first = hex ? i + 2 : i + 1;
    for (i = first; i < first + (hex ? 8 : 10) && digit(text.charCodeAt(i)); i++);
    if (i === first || text.charCodeAt(i) !== 0x3b) return -1;
    referenceValue = fromCodePoint(parseInt(text.slice(first, i), hex ? 16 : 10));
    return i + 1;
  }
  for (; i < amp + 5 && isLetter(text.charCodeAt(i)); i++);
  if (i < amp + 3 || text.charCodeAt(i) !== 0x3b) return -1;
  const value = predefined(text, amp + 1, i - amp - 1);
  if (value === undefined) return -1;
  referenceValue = value;
  return i + 1;
}

/**
 * Decodes the five predefined XML entities and numeric references in one linear pass (a hand loop:
 * a replace callback per reference was ten times slower on reference floods).
 * Anything else (DTD-declared or HTML entities) stays literal: the parser never expands entities.
 */
export function decodeXmlEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let copied = 0;
  while (amp >= 0) {
    const end = referenceEnd(text, amp);
    if (end >= 0) {
      out += text.slice(copied, amp) + referenceValue;
      copied = end;
    }
    amp = text.indexOf('&', end >= 0 ? end : amp + 1);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 0x5f || c === 0x3a || c === 0x2e || c === 0x2d;
}

/** Whether the `&` at `amp` starts a character reference or an entity reference (`&#65;`, `&#x41;`, `&name;`). */
function startsReference(text: string, amp: number): boolean {
  let i = amp + 1;
  let c = text.charCodeAt(i);
  if (c === 0x23) {
    const digit = text.charCodeAt(i + 1) === 0x78 ? isHexDigit : isDigit;
    const first = digit === isHexDigit ? i + 2 : i + 1;
    for (i = first; digit(text.charCodeAt(i)); i++);
    return i > first && text.charCodeAt(i) === 0x3b;
  }
  if (!(isLetter(c) || c === 0x5f || c === 0x3a)) return false;
  do c = text.charCodeAt(++i);
  while (isNameChar(c));
  return c === 0x3b;
}

/**
 * Index of the first `&` that is not a reference, or -1: such an `&` makes a document not
 * well-formed. Each check stops at the next `&` at the latest, so a flood of them stays linear.
 */
export function bareAmpersand(text: string): number {
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', amp + 1)) {
    if (!startsReference(text, amp)) return amp;
  }
  return -1;
}
