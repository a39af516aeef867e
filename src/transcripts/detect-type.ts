import type { TranscriptType } from '../model/transcript.js';

const BY_NAME: Record<string, TranscriptType> = {
  srt: 'srt',
  subrip: 'srt',
  vtt: 'vtt',
  webvtt: 'vtt',
  json: 'json',
  html: 'html',
  htm: 'html',
  text: 'text',
  txt: 'text',
  plain: 'text',
  markdown: 'markdown',
  md: 'markdown',
};

const BY_MIME: Record<string, TranscriptType> = {
  'application/srt': 'srt',
  'application/x-subrip': 'srt',
  'text/srt': 'srt',
  'text/x-srt': 'srt',
  'application/x-srt': 'srt',
  'text/vtt': 'vtt',
  'text/webvtt': 'vtt',
  'application/json': 'json',
  'text/json': 'json',
  'application/transcript+json': 'json',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
};

/** A feed's MIME type (parameters ignored) or a short name such as `srt`; undefined when unknown. */
export function typeFromDeclared(declared: string | undefined): TranscriptType | undefined {
  if (!declared) return undefined;
  const value = declared.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return BY_MIME[value] ?? BY_NAME[value] ?? (value.endsWith('+json') ? 'json' : undefined);
}

/** From a file name or URL path extension (`.pc20.json`, `.htm`, `.txt`, ...). */
export function typeFromFileName(name: string | undefined): TranscriptType | undefined {
  if (!name) return undefined;
  const path = name.split(/[?#]/, 1)[0] ?? '';
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : BY_NAME[ext];
}

/** Formats whose content proves itself: a WEBVTT header, a JSON object or array, an SRT first cue. */
export function strongSniff(text: string): TranscriptType | undefined {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^WEBVTT(?:[ \t]|\r?\n|$)/.test(head)) return 'vtt';
  if (/^\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]+-->/.test(head)) return 'srt';
  if (/^\{|^\[\s*[{\]]/.test(head)) return 'json';
  return undefined;
}

/** Best guess from content alone. */
export function sniffType(text: string): TranscriptType {
  const strong = strongSniff(text);
  if (strong) return strong;
  const head = text.slice(0, 20_000);
  if (/^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s+-->/m.test(head)) return 'srt';
  if (/^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s+-->\s+\S/m.test(head) || /^\s*\d+\.\d{1,3}\s+-->\s+\d/m.test(head))
    return 'vtt';
  if (/<(?:!doctype|html|body|p|div|cite|time|span|br|h[1-6])[\s>/]/i.test(head)) return 'html';
  if (
    /^(?:---|\+\+\+)\s*$/m.test(head.split(/\r?\n/, 2)[0] ?? '') ||
    /^\s{0,3}#{1,6}\s|\*\*\[\d|^\s*[-*]\s/m.test(head)
  ) {
    return 'markdown';
  }
  return 'text';
}
