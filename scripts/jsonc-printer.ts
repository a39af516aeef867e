/**
 * Prints JSON with `//` comments the way `biome format` lays it out (2 spaces, objects expanded,
 * arrays of scalars on one line when they fit in 120 columns), so generated files pass `biome check`.
 */

const lineWidth = 120;

type Scalar = string | number | boolean | null;
export type Jsonc = Scalar | Jsonc[] | { [key: string]: Jsonc } | Commented;

/** A value printed with `//` comment lines before its entry. */
class Commented {
  constructor(
    readonly lines: string[],
    readonly value: Jsonc,
  ) {}
}

export const commented = (lines: string[], value: Jsonc): Commented => new Commented(lines, value);

export function printJsonc(value: Jsonc): string {
  return `${printValue(value, '', '')}\n`;
}

/** `prefix` is what precedes the value on its line (indent and key), for the width check. */
function printValue(value: Jsonc, indent: string, prefix: string): string {
  if (value instanceof Commented) return printValue(value.value, indent, prefix);
  if (Array.isArray(value)) return printArray(value, indent, prefix);
  if (value !== null && typeof value === 'object') return printObject(value, indent);
  return JSON.stringify(value);
}

function printArray(items: Jsonc[], indent: string, prefix: string): string {
  if (items.length === 0) return '[]';
  if (items.every(isScalar)) {
    const oneLine = `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
    if (prefix.length + oneLine.length + 1 <= lineWidth) return oneLine;
  }
  const inner = `${indent}  `;
  const lines = items.map((item) => `${commentLines(item, inner)}${inner}${printValue(item, inner, inner)}`);
  return `[\n${lines.join(',\n')}\n${indent}]`;
}

function printObject(entries: { [key: string]: Jsonc }, indent: string): string {
  const keys = Object.keys(entries);
  if (keys.length === 0) return '{}';
  const inner = `${indent}  `;
  const lines = keys.map((key) => {
    const start = `${inner}${JSON.stringify(key)}: `;
    return `${commentLines(entries[key]!, inner)}${start}${printValue(entries[key]!, inner, start)}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

function commentLines(value: Jsonc, indent: string): string {
  return value instanceof Commented ? value.lines.map((line) => `${indent}// ${line}\n`).join('') : '';
}

function isScalar(value: Jsonc): value is Scalar {
  return value === null || typeof value !== 'object';
}
