import { readFileSync } from 'node:fs';
import type { Segment, Transcript } from '../../model/transcript.js';

/**
 * A minimal reader for the corpus formats the insight tests use (VTT, SRT, the eval set's
 * markdown), so these tests do not depend on src/transcripts while it is being written.
 */
export function loadCorpusTranscript(path: string): Transcript {
  const raw = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
  const segments = path.endsWith('.vtt') || path.endsWith('.srt') ? cues(raw) : markdown(raw);
  return { segments, source: 'published:text', hash: `test:${path}` };
}

function clock(s: string): number {
  const parts = s.replace(',', '.').split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

function cues(raw: string): Segment[] {
  const out: Segment[] = [];
  for (const block of raw.split(/\n{2,}/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0) continue;
    const [a, b] = (lines[at] ?? '').split('-->');
    let text = lines.slice(at + 1).join(' ').trim();
    if (!text) continue;
    let speaker: string | undefined;
    const m = /^([A-Z][\w.]*(?: [A-Z][\w.]*){0,2}): (.*)$/.exec(text);
    if (m?.[1] && m[2]) {
      speaker = m[1];
      text = m[2];
    } else if (out.length) {
      speaker = out[out.length - 1]?.speaker;
    }
    out.push({ start: clock((a ?? '').trim()), end: clock((b ?? '').trim().split(' ')[0] ?? ''), text, ...(speaker ? { speaker } : {}) });
  }
  return out;
}

function markdown(raw: string): Segment[] {
  const body = raw.replace(/^---\n[\s\S]*?\n---\n/, '');
  const out: Segment[] = [];
  let speaker: string | undefined;
  let pendingSpeaker: { name: string; time: number } | undefined;
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || /^\[[A-Z ]+\]$/.test(trimmed) || /^EPISODE \d+$/.test(trimmed)) continue;
    const head = /^(.+?) \((\d+:\d+(?::\d+)?)\):$/.exec(trimmed);
    if (head?.[1] && head[2]) {
      pendingSpeaker = { name: head[1], time: clock(head[2]) };
      continue;
    }
    const cont = /^\((\d+:\d+(?::\d+)?)\):$/.exec(trimmed);
    if (cont?.[1]) {
      pendingSpeaker = { name: speaker ?? '', time: clock(cont[1]) };
      continue;
    }
    const podlet = /^\[(\d+:\d+:\d+(?:\.\d+)?)\] ([A-Z][A-Z .]{0,30}): (.*)$/.exec(trimmed);
    const misfit = /^\*\*\[(\d+:\d+(?::\d+)?)\]\*\*\s*(.*)$/.exec(trimmed);
    let start: number;
    let text: string;
    if (podlet?.[1] && podlet[2] && podlet[3] !== undefined) {
      speaker = podlet[2];
      start = clock(podlet[1]);
      text = podlet[3];
    } else if (misfit?.[1] && misfit[2] !== undefined) {
      speaker = undefined;
      start = clock(misfit[1]);
      text = misfit[2];
    } else if (pendingSpeaker) {
      speaker = pendingSpeaker.name || undefined;
      start = pendingSpeaker.time;
      text = trimmed;
      pendingSpeaker = undefined;
    } else {
      const prev = out[out.length - 1];
      start = prev?.start ?? 0;
      text = trimmed;
    }
    if (!text) continue;
    out.push({ start, end: start, text, ...(speaker ? { speaker } : {}) });
  }
  for (let i = 0; i < out.length; i += 1) {
    const seg = out[i];
    const next = out[i + 1];
    if (seg) seg.end = Math.max(seg.start, next ? next.start : seg.start + 5);
  }
  return out;
}
