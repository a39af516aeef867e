import iconv from 'iconv-lite';

export interface DecodedInput {
  text: string;
  warnings: string[];
}

const PROLOG_ENCODING = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;
// Characters XML 1.0 forbids; real feeds contain them and one must not sink the whole feed.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
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

function decodeUtf8(bytes: Uint8Array, warnings: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // No valid multi-byte sequence at all means a legacy 8-bit feed mislabelled as UTF-8.
    const asLatin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!VALID_UTF8_MULTIBYTE.test(asLatin1)) {
      warnings.push('bytes are not valid UTF-8; decoded as windows-1252');
      return iconv.decode(Buffer.from(bytes), 'windows-1252');
    }
    warnings.push('invalid UTF-8 sequences replaced');
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * Bytes → text, honouring a BOM, then the XML prolog's encoding, then UTF-8. Strips the BOM,
 * leading whitespace before `<?xml`, and characters XML forbids.
 */
export function decodeInput(input: string | Uint8Array): DecodedInput {
  const warnings: string[] = [];
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const bom = bomEncoding(input);
    const body = bom ? input.subarray(bom.skip) : input;
    const head = Buffer.from(body.subarray(0, 512)).toString('latin1');
    const declared = bom?.encoding ?? PROLOG_ENCODING.exec(head)?.[1]?.toLowerCase();
    if (!declared || declared === 'utf-8' || declared === 'utf8') {
      text = decodeUtf8(body, warnings);
    } else if (iconv.encodingExists(declared)) {
      // ISO-8859-1 labels almost always mean windows-1252 in practice (as browsers treat them).
      const encoding =
        declared === 'iso-8859-1' || declared === 'latin1' || declared === 'us-ascii' ? 'windows-1252' : declared;
      text = iconv.decode(Buffer.from(body), encoding);
    } else {
      warnings.push(`unknown encoding "${declared}"; decoded as UTF-8`);
      text = decodeUtf8(body, warnings);
    }
  }
  text = text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  const cleaned = text.replace(ILLEGAL_XML_CHARS, '');
  if (cleaned.length !== text.length)
    warnings.push(`removed ${text.length - cleaned.length} characters not allowed in XML`);
  return { text: cleaned, warnings };
}
