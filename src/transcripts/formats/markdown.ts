import type { DraftSegment } from '../finalize.js';
import { parseTimedLines } from './timed-lines.js';

/**
 * Markdown transcripts: YAML/TOML front matter, headings and rules are skipped, inline
 * markup is reduced to its text, then lines are read like plain text (Lenny's
 * `Speaker (MM:SS):` turns, Podlets `[h:mm:ss.s] XX:` lines, Misfit `**[mm:ss]**` stamps).
 */
export function parseMarkdown(text: string): DraftSegment[] {
  return parseTimedLines(markdownLines(text));
}

function markdownLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const body = lines.slice(frontMatterEnd(lines));
  const out: string[] = [];
  let fenced = false;
  for (const line of body) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced || /^\s{0,3}#{1,6}(\s|$)/.test(line) || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('');
      continue;
    }
    out.push(inlineText(line));
  }
  return out;
}

function frontMatterEnd(lines: string[]): number {
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  const fence = (lines[i] ?? '').trim();
  if (fence !== '---' && fence !== '+++') return 0;
  for (let j = i + 1; j < lines.length; j++) {
    const line = (lines[j] ?? '').trim();
    if (line === fence || (fence === '---' && line === '...')) return j + 1;
  }
  return 0;
}

function inlineText(line: string): string {
  return line
    .replace(/<!--.*?-->/g, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\((?:[^)\s]+)(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}
