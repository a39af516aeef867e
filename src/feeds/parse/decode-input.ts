import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export interface DecodedInput {
  text: string;
  warnings: string[];
  /**
   * `text` holds valid UTF-8 bytes, one per character (see DecodeOptions.utf8AsLatin1): a slice
   * of it is text only after utf8FromLatin1.
   */
  utf8AsLatin1: boolean;
}

export interface DecodeOptions {
  /**
   * Carry valid non-ASCII UTF-8 as its bytes (one latin1 character each) instead of decoding it:
   * a latin1 copy is several times faster than UTF-8 decoding, every XML delimiter is ASCII (which
   * no multi-byte sequence contains), so a tokenizer can scan it as is and decode only the slices
   * it keeps.
   */
  utf8AsLatin1?: boolean;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Slices up to this long go through one reused buffer rather than a new one each. */
const SCRATCH_SIZE = 64 * 1024;
const scratch = Buffer.allocUnsafe(SCRATCH_SIZE);

/** A slice of a DecodedInput with `utf8AsLatin1` → text. */
export function utf8FromLatin1(slice: string): string {
  if (!NON_ASCII.test(slice)) return slice;
  if (slice.length > SCRATCH_SIZE) return Buffer.from(slice, 'latin1').toString('utf8');
  return scratch.toString('utf8', 0, scratch.write(slice, 0, 'latin1'));
}

const PROLOG_ENCODING = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;
// Characters XML 1.0 forbids; real feeds contain them and one must not sink the whole feed.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ILLEGAL_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// The same in UTF-8 bytes: U+FFFE and U+FFFF are EF BF BE and EF BF BF.
const ILLEGAL_XML_BYTES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\xEF\xBF[\xBE\xBF]/g;
const ILLEGAL_XML_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** Whether UTF-8 bytes carried as latin1 hold a character XML forbids (two fast scans, not one slow one). */
function hasIllegalXmlBytes(text: string): boolean {
  return ILLEGAL_XML_CONTROL.test(text) || text.includes('\xEF\xBF\xBE') || text.includes('\xEF\xBF\xBF');
}
const VALID_UTF8_MULTIBYTE = /[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}/;

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', skip: 2 };
  // "<?" or "<r" as UTF-16 without a BOM.
  if (a === 0x3c && b === 0x00 && c !== 0x00) return { encoding: 'utf-16le', skip: 0 };
  if (a === 0x00 && b === 0x3c) return { encoding: 'utf-16be', skip: 0 };
  return undefined;
}

/** Bytes are decoded this many at a time, so an async caller can yield between pieces. */
const DECODE_CHUNK = 1 << 20;

/** Whether the text holds a character XML forbids, a megabyte at a time (yielding between). */
function* hasIllegalXml(text: string, utf8AsLatin1: boolean): Generator<void, boolean> {
  for (let at = 0; at < text.length; at += DECODE_CHUNK) {
    // Two characters of overlap, so a three-byte U+FFFE across the boundary is seen.
    const piece = text.slice(at, at + DECODE_CHUNK + 2);
    if (utf8AsLatin1 ? hasIllegalXmlBytes(piece) : ILLEGAL_XML_CHAR.test(piece)) return true;
    yield;
  }
  return false;
}

/** Yields after each chunk; returns the pieces' text. */
function* decodeChunks(
  body: Uint8Array,
  decoder: { write(b: Uint8Array): string; end(): string },
): Generator<void, string> {
  const parts: string[] = [];
  for (let at = 0; at < body.length; at += DECODE_CHUNK) {
    parts.push(decoder.write(body.subarray(at, at + DECODE_CHUNK)));
    yield;
  }
  parts.push(decoder.end());
  return parts.length === 2 && parts[1] === '' ? (parts[0] as string) : parts.join('');
}

function textDecoder(fatal: boolean): { write(b: Uint8Array): string; end(): string } {
  const d = new TextDecoder('utf-8', { fatal });
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
}

function iconvDecoder(encoding: string): { write(b: Uint8Array): string; end(): string } {
  const d = iconv.getDecoder(encoding);
  return { write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => d.end() ?? '' };
}

/** Valid UTF-8, cut only between characters: Buffer's own (SIMD) decoding, a megabyte at a time. */
function* decodeValidUtf8(bytes: Uint8Array): Generator<void, string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // TextDecoder, which this replaces, drops a BOM at the start.
  let at = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  // ASCII (most feeds, all-escaped ones included) is one copy: no pieces to join, no double peak.
  if (isAscii(buf)) return buf.toString('latin1', at);
  if (buf.length - at <= DECODE_CHUNK) return buf.toString('utf8', at);
  const parts: string[] = [];
  while (at < buf.length) {
    let end = Math.min(buf.length, at + DECODE_CHUNK);
    while (end < buf.length && ((buf[end] as number) & 0xc0) === 0x80) end--;
    parts.push(buf.toString('utf8', at, end));
    at = end;
    yield;
  }
  return parts.join('');
}

function* decodeUtf8(bytes: Uint8Array, warnings: string[]): Generator<void, string> {
  if (isUtf8(bytes)) return yield* decodeValidUtf8(bytes);
  try {
    return yield* decodeChunks(bytes, textDecoder(true));
  } catch {
    // No valid multi-byte sequence at all means a legacy 8-bit feed mislabelled as UTF-8.
    const asLatin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!VALID_UTF8_MULTIBYTE.test(asLatin1)) {
      warnings.push('bytes are not valid UTF-8; decoded as windows-1252');
      return yield* decodeChunks(bytes, iconvDecoder('windows-1252'));
    }
    warnings.push('invalid UTF-8 sequences replaced');
    return yield* decodeChunks(bytes, textDecoder(false));
  }
}

/**
 * Bytes → text, honouring a BOM, then the XML prolog's encoding, then UTF-8. Strips the BOM,
 * leading whitespace before `<?xml`, and characters XML forbids. A generator that yields between
 * megabytes, so parseFeedAsync can let the event loop run; decodeInput runs it in one go.
 */
export function* decodeInputSteps(
  input: string | Uint8Array,
  options: DecodeOptions = {},
): Generator<void, DecodedInput> {
  const warnings: string[] = [];
  let text: string;
  let utf8AsLatin1 = false;
  if (typeof input === 'string') {
    text = input;
  } else {
    const bom = bomEncoding(input);
    const body = bom ? input.subarray(bom.skip) : input;
    const head = Buffer.from(body.subarray(0, 512)).toString('latin1');
    const declared = bom?.encoding ?? PROLOG_ENCODING.exec(head)?.[1]?.toLowerCase();
    if (!declared || declared === 'utf-8' || declared === 'utf8') {
      if (options.utf8AsLatin1 && isUtf8(body)) {
        const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
        text = buf.toString('latin1');
        utf8AsLatin1 = !isAscii(buf);
      } else {
        text = yield* decodeUtf8(body, warnings);
      }
    } else if (iconv.encodingExists(declared)) {
      // ISO-8859-1 labels almost always mean windows-1252 in practice (as browsers treat them).
      const encoding =
        declared === 'iso-8859-1' || declared === 'latin1' || declared === 'us-ascii' ? 'windows-1252' : declared;
      text = yield* decodeChunks(body, iconvDecoder(encoding));
    } else {
      warnings.push(`unknown encoding "${declared}"; decoded as UTF-8`);
      text = yield* decodeUtf8(body, warnings);
    }
  }
  text = text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  yield;
  if (yield* hasIllegalXml(text, utf8AsLatin1)) {
    let removed = 0;
    text = text.replace(utf8AsLatin1 ? ILLEGAL_XML_BYTES : ILLEGAL_XML_CHARS, () => {
      removed++;
      return '';
    });
    warnings.push(`removed ${removed} characters not allowed in XML`);
  }
  return { text, warnings, utf8AsLatin1 };
}

export function decodeInput(input: string | Uint8Array): DecodedInput {
  const steps = decodeInputSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
