import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, errorMessage } from '../model/errors.js';
import type { Transcript } from '../model/transcript.js';
import { decodeTranscriptBytes } from './decode-bytes.js';
import { parseTranscript, type ParseTranscriptOptions } from './parse-transcript.js';

/** Larger "transcripts" are not transcripts (hostile-inputs #46); callers fall back. */
export const MAX_TRANSCRIPT_BYTES = 10 * 1024 * 1024;

/** Reads, decodes and parses a transcript file; the type comes from `opts.type`, the extension, or the content. */
export async function readTranscriptFile(
  path: string,
  opts: Omit<ParseTranscriptOptions, 'fileName'> = {},
): Promise<Transcript> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    if (info.size > MAX_TRANSCRIPT_BYTES) {
      throw new AppError(
        'transcript_too_large',
        `transcript file ${path} is ${info.size} bytes, over the ${MAX_TRANSCRIPT_BYTES}-byte limit`,
      );
    }
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('transcript_unreadable', `cannot read transcript file ${path}: ${errorMessage(err)}`, {
      cause: err,
    });
  }
  return parseTranscript(decodeTranscriptBytes(bytes), { ...opts, fileName: basename(path) });
}
