// A label is 1-4 capitalised words (or ALLCAPS/initials like "NL", "SPEAKER_1") followed by a colon.
const LABEL = /^((?:\p{Lu}[\p{L}\p{M}\p{N}'’._-]*)(?:\s+(?:\p{Lu}|\p{N})[\p{L}\p{M}\p{N}'’._-]*){0,3}):(?:\s+|$)/u;

// Capitalised words that open ordinary sentences with a colon rather than naming a speaker.
const NOT_SPEAKERS = new Set([
  'note',
  'notes',
  'update',
  'example',
  'warning',
  'tip',
  'edit',
  'source',
  'sources',
  'link',
  'links',
  'chapter',
  'chapters',
  'episode',
  'transcript',
  'http',
  'https',
  'also',
  'so',
  'and',
  'but',
  'well',
  'now',
  'yes',
  'no',
  'okay',
  'ok',
  'right',
  'look',
  'listen',
  'remember',
  'wait',
  'step',
  'part',
  'question',
  'answer',
  'summary',
  'timestamps',
  'sponsor',
  'sponsors',
  'today',
  'here',
  'this',
  'that',
  'the',
]);

const UNNAMED = /^(?:unknown|unknown speaker|speaker ?\?|\?+)$/i;

export interface Labelled {
  speaker?: string;
  text: string;
}

/** Splits a leading `Name: ` label off `text`; no split when the words do not look like a name. */
export function splitSpeakerLabel(text: string): Labelled & { labelled: boolean } {
  const m = LABEL.exec(text);
  const name = m?.[1];
  if (!m || name === undefined || NOT_SPEAKERS.has(name.toLowerCase())) return { text, labelled: false };
  const rest = text.slice(m[0].length);
  const speaker = speakerName(name);
  return { ...(speaker ? { speaker } : {}), text: rest, labelled: true };
}

/** Trims a speaker name and drops placeholders such as "Unknown": only a named speaker is kept. */
export function speakerName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const name = raw
    .replace(/\s+/g, ' ')
    .replace(/[:：]\s*$/, '')
    .trim();
  if (name === '' || UNNAMED.test(name)) return undefined;
  return name;
}

/** Diarisation placeholders ("SPEAKER_1", "Speaker 2", "Unknown"): a turn marker, not a name to show readers. */
export function isGenericSpeaker(name: string | undefined): boolean {
  if (name === undefined) return true;
  return (
    /^(?:speaker|spk|voice|person|guest|host)[\s_-]*\d*$|^[A-Z]?\d+$/i.test(name.trim()) || UNNAMED.test(name.trim())
  );
}
