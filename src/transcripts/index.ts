export { parseTranscript, type ParseTranscriptOptions } from './parse-transcript.js';
export { readTranscriptFile, MAX_TRANSCRIPT_BYTES } from './read-transcript-file.js';
export { decodeTranscriptBytes } from './decode-bytes.js';
export { transcriptFromShowNotes, showBoilerplate } from './show-notes.js';
export { pickTranscriptLink } from './pick-transcript-link.js';
export { transcriptText } from './transcript-text.js';
export { normalizeForMatch } from './normalize.js';
export { isGenericSpeaker } from './speaker-label.js';
export { getTranscript } from './get-transcript.js';
