import { readFile } from 'node:fs/promises';

/** The `- ` bullet lines of a reference.md, without the marker. */
export function parseReferences(markdown: string): string[] {
  return markdown
    .split(/\r?\n/)
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).trim())
    .filter((line) => line.length > 0);
}

export async function readReferences(path: string): Promise<string[]> {
  return parseReferences(await readFile(path, 'utf8'));
}
