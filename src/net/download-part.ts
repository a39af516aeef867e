import { readFile, stat, writeFile } from 'node:fs/promises';

/** What is known about `<dest>.part`, kept in `<dest>.part.json` so a later attempt can resume it. */
export interface PartState {
  url: string;
  etag?: string;
  lastModified?: string;
  total?: number;
  /** Size of the part on disk (not stored: read from the file). */
  bytes: number;
}

export async function readPartState(partPath: string): Promise<PartState | undefined> {
  try {
    const saved = JSON.parse(await readFile(`${partPath}.json`, 'utf8')) as Partial<PartState>;
    if (typeof saved.url !== 'string') return undefined;
    const { size } = await stat(partPath);
    return {
      url: saved.url,
      bytes: size,
      ...(typeof saved.etag === 'string' && { etag: saved.etag }),
      ...(typeof saved.lastModified === 'string' && { lastModified: saved.lastModified }),
      ...(typeof saved.total === 'number' && { total: saved.total }),
    };
  } catch {
    return undefined;
  }
}

export async function writePartState(partPath: string, state: Omit<PartState, 'bytes'>): Promise<void> {
  const saved = {
    url: state.url,
    ...(state.etag !== undefined && { etag: state.etag }),
    ...(state.lastModified !== undefined && { lastModified: state.lastModified }),
    ...(state.total !== undefined && { total: state.total }),
  };
  await writeFile(`${partPath}.json`, JSON.stringify(saved));
}
