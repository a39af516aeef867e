import type { Transcript, TranscriptType } from '../model/transcript.js';
import { finalizeTranscript, type DraftSegment } from './finalize.js';
import { parseHtml } from './formats/html.js';
import { parseMarkdown } from './formats/markdown.js';
import { parsePc20Json } from './formats/pc20-json.js';
import { parsePlainText } from './formats/plain-text.js';
import { parseSrt } from './formats/srt.js';
import { parseVtt } from './formats/vtt.js';
import { sniffType, strongSniff, typeFromDeclared, typeFromFileName } from './detect-type.js';
import { transcriptInvalid } from './invalid.js';

export interface ParseTranscriptOptions {
  /** MIME type from `podcast:transcript` (`application/srt`, `text/vtt`, ...) or a short name (`srt`, `vtt`, ...). */
  type?: string;
  /** File name or URL; its extension is used when `type` is absent or only says "text". */
  fileName?: string;
  /** Language of the episode; wins over one found in the file. */
  language?: string;
}

/**
 * Any published transcript format → Transcript. The type comes from content that proves itself
 * (WEBVTT header, JSON), then the declared type, then the file extension, then sniffing.
 * Throws AppError('transcript_invalid') for empty, binary or unusable input.
 */
export function parseTranscript(text: string, opts: ParseTranscriptOptions = {}): Transcript {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw transcriptInvalid('the file is empty');
  if (looksBinary(body)) throw transcriptInvalid('the content is binary data, not text');
  const type = chooseType(body, opts);
  let parsed = parseAs(type, body);
  let used = type;
  if (parsed.segments.length === 0) {
    const sniffed = sniffType(body);
    if (sniffed !== type) [parsed, used] = [parseAs(sniffed, body), sniffed];
  }
  if (parsed.segments.length === 0) throw transcriptInvalid(`no usable ${used} cues or text found`);
  return finalizeTranscript(parsed.segments, `published:${used}`, opts.language ?? parsed.language);
}

function chooseType(text: string, opts: ParseTranscriptOptions): TranscriptType {
  // "text/plain" and ".txt" are what servers say about anything, so they never beat content.
  const hints = [strongSniff(text), typeFromDeclared(opts.type), typeFromFileName(opts.fileName)];
  const specific = hints.find((t) => t !== undefined && t !== 'text');
  return specific ?? sniffType(text);
}

function parseAs(type: TranscriptType, text: string): { segments: DraftSegment[]; language?: string } {
  switch (type) {
    case 'srt':
      return { segments: parseSrt(text) };
    case 'vtt':
      return parseVtt(text);
    case 'json':
      return parsePc20Json(text);
    case 'html':
      return parseHtml(text);
    case 'markdown':
      return { segments: parseMarkdown(text) };
    case 'text':
      return { segments: parsePlainText(text) };
  }
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  const bad = sample.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  return bad > 8 && bad / sample.length > 0.01;
}
