import { Readable, pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { FetchError } from './errors.js';

type Coding = 'identity' | 'gzip' | 'br' | 'deflate';

/** Parses Content-Encoding; more than one coding is refused (decompression-chain abuse). */
export function contentCoding(header: string | undefined): Coding {
  const codings = (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) return 'identity';
  if (codings.length > 1) {
    throw new FetchError(
      'unsupported_encoding',
      `stacked content encodings are not accepted (${codings.slice(0, 5).join(', ')})`,
    );
  }
  const coding = codings[0];
  if (coding === 'gzip' || coding === 'x-gzip') return 'gzip';
  if (coding === 'br' || coding === 'deflate') return coding;
  throw new FetchError('unsupported_encoding', `content encoding "${String(coding).slice(0, 40)}" is not supported`);
}

// "deflate" is zlib-wrapped per RFC 9110, but some servers send raw deflate: look at the header bytes.
function looksZlibWrapped(first: Buffer): boolean {
  if (first.length < 2) return true;
  const a = first[0] as number;
  const b = first[1] as number;
  return (a & 0x0f) === 8 && (a * 256 + b) % 31 === 0;
}

async function* withFirst(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

async function decodedStream(body: Readable, coding: Coding): Promise<Readable> {
  if (coding === 'identity') return body;
  if (coding === 'gzip') return pipeline(body, createGunzip(), () => {});
  if (coding === 'br') return pipeline(body, createBrotliDecompress(), () => {});
  const it = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head = await it.next();
  if (head.done) return Readable.from([]);
  const inflater = looksZlibWrapped(head.value) ? createInflate() : createInflateRaw();
  return pipeline(Readable.from(withFirst(head.value, it)), inflater, () => {});
}

const CUT_SHORT = new Set(['UND_ERR_SOCKET', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'ECONNRESET']);

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR');
}

/**
 * Reads the whole body, decompressing as declared, and stops as soon as the *decompressed* size
 * passes maxBytes, so a small compressed bomb cannot inflate in memory.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const coding = contentCoding(contentEncoding);
  // Errors are surfaced by the iteration below; this only stops a late abort from going uncaught.
  body.on('error', () => {});
  const stream = await decodedStream(body, coding);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new FetchError(
          'response_too_large',
          `response body exceeds the ${maxBytes}-byte limit${coding === 'identity' ? '' : ` after ${coding} decoding`}`,
        );
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (CUT_SHORT.has(String((err as { code?: unknown }).code))) {
      throw new FetchError('truncated_body', 'connection closed before the body was complete', { cause: err });
    }
    if (isZlibError(err)) {
      throw new FetchError('decode_failed', `${coding} body could not be decoded: ${(err as Error).message}`, {
        cause: err,
      });
    }
    throw err;
  } finally {
    stream.destroy();
    body.destroy();
  }
  return Buffer.concat(chunks, total);
}
