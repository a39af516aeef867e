// Escape sequences a feed could smuggle into an operator's terminal: CSI (`ESC [ … final`, e.g. clear
// screen), OSC (`ESC ] … BEL` or `ESC ] … ESC \`, e.g. hyperlinks or a window title), DCS/APC/PM/SOS
// strings, and the lone two-byte ESC sequences; then the 8-bit C1 forms of the same.
const ESCAPE_SEQUENCES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\u001b[ -/]*[0-~]?|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u0098\u009d\u009e\u009f][\s\S]*?(?:\u0007|\u009c|$)/g;
// Other C0 and C1 controls (tab and newline stay), DEL, and the bidi controls that reorder what a line shows.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a feed, a transcript or an error that echoes one, made inert for a terminal: escape
 * sequences and control characters removed; tabs and newlines kept. Everything the CLI prints from
 * podcasts goes through this (JSON output is already escaped by JSON.stringify).
 */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
}

/** console.log with every string argument made terminal-safe. */
export function say(...parts: unknown[]): void {
  console.log(...parts.map(safePart));
}

/** console.error with every string argument made terminal-safe. */
export function sayError(...parts: unknown[]): void {
  console.error(...parts.map(safePart));
}

function safePart(part: unknown): unknown {
  return typeof part === 'string' ? terminalSafe(part) : part;
}
