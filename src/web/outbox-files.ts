import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

export interface OutboxFile {
  name: string;
  path: string;
  modifiedAt: string;
}

/** The .eml files in the outbox, newest first; an absent outbox is empty. */
export async function listOutbox(dir: string): Promise<OutboxFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.eml'));
  } catch {
    return [];
  }
  const files = await Promise.all(
    names.map(async (name) => ({
      name,
      path: join(dir, name),
      modifiedAt: (await stat(join(dir, name))).mtime.toISOString(),
    })),
  );
  return files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
}

/** Only a bare file name that exists in the outbox listing is served (no path tricks). */
export async function outboxFile(dir: string, name: string): Promise<OutboxFile | undefined> {
  if (name !== basename(name)) return undefined;
  return (await listOutbox(dir)).find((f) => f.name === name);
}
