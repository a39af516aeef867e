import { AppError } from '../../model/errors.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf';

const PROLOG_SCAN_LIMIT = 64 * 1024;

const SIGNATURES: number[][] = [
  [0x49, 0x44, 0x33], // ID3 (MP3)
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x4f, 0x67, 0x67, 0x53], // Ogg
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x1f, 0x8b], // gzip
  [0x50, 0x4b, 0x03, 0x04], // zip
];

/** Media and archives, by signature or by a head full of NUL bytes (UTF-16 text excepted). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (SIGNATURES.some((sig) => sig.every((b, i) => bytes[i] === b))) return true;
  if (bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70) return true; // MP4 "ftyp"
  const [a, b] = bytes;
  if (
    (a === 0xff && b === 0xfe) ||
    (a === 0xfe && b === 0xff) ||
    (a === 0x3c && b === 0x00) ||
    (a === 0x00 && b === 0x3c)
  )
    return false;
  const head = bytes.subarray(0, 1024);
  let nuls = 0;
  // An index loop: for…of over the bytes made an iterator result per byte.
  for (let i = 0; i < head.length; i++) if (head[i] === 0) nuls++;
  return nuls > head.length / 10;
}

function notAFeed(what: string): AppError {
  return new AppError('not_a_feed', `content is not an RSS or Atom feed (${what})`);
}

/** Index just past the XML prolog (declaration, PIs, comments, DOCTYPE, whitespace), or -1 when unterminated. */
function skipProlog(text: string): number {
  let i = 0;
  while (i < text.length && i < PROLOG_SCAN_LIMIT) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) {
      i++;
    } else if (text.startsWith('<?', i)) {
      i = text.indexOf('?>', i + 2);
      if (i < 0) return -1;
      i += 2;
    } else if (text.startsWith('<!--', i)) {
      i = text.indexOf('-->', i + 4);
      if (i < 0) return -1;
      i += 3;
    } else if (/^<!DOCTYPE\s+html/i.test(text.slice(i, i + 20))) {
      return i;
    } else if (text.startsWith('<!', i)) {
      const subset = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      const end = subset >= 0 && subset < close ? text.indexOf(']>', subset) + 1 : close;
      if (end <= 0) return -1;
      i = end + 1;
    } else {
      return i;
    }
  }
  return i;
}

/**
 * Looks at the first element only, so an HTML page, JSON or an image is turned away with
 * not_a_feed before any XML parser sees it.
 */
export function detectFormat(text: string): FeedFormat {
  const trimmed = text.trimStart();
  if (trimmed === '') throw notAFeed('it is empty');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) throw notAFeed('it is JSON; JSON Feed is not supported');
  const start = skipProlog(trimmed);
  if (start < 0) throw new AppError('invalid_feed', 'feed XML ends inside its prolog');
  const rest = trimmed.slice(start, start + 256);
  if (/^<!DOCTYPE\s+html/i.test(rest) || /^<(html|head|body)[\s>]/i.test(rest)) throw notAFeed('it is an HTML page');
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1]?.toLowerCase();
  if (!root) throw notAFeed(rest === '' ? 'it has an XML prolog but no element' : 'it is not XML');
  if (root === 'rss' || root.endsWith(':rss')) return 'rss';
  if (root === 'feed' || root.endsWith(':feed')) return 'atom';
  if (root === 'rdf:rdf' || root.endsWith(':rdf')) return 'rdf';
  throw notAFeed(`its root element is <${root.slice(0, 40)}>`);
}
