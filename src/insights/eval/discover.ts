import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../model/errors.js';

export interface EpisodeFolder {
  episode: string;
  transcript: string;
  reference: string;
}

export interface Discovered {
  folders: EpisodeFolder[];
  /** Sub-folders that are not episodes, with why. */
  skipped: Array<{ episode: string; reason: string }>;
}

/** The transcript file of an episode folder: `transcript.<ext>`, the first by name when several. */
function transcriptIn(names: string[]): string | undefined {
  return names.filter((n) => /^transcript\.[a-z0-9]+$/i.test(n)).sort()[0];
}

/** Every sub-folder of `dir` holding a `transcript.*` and a `reference.md`, in name order. */
export async function discoverEpisodes(dir: string): Promise<Discovered> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new AppError('eval_dir_missing', `${dir} is not a directory`);
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const folders: EpisodeFolder[] = [];
  const skipped: Discovered['skipped'] = [];
  for (const episode of entries) {
    const names = await readdir(join(dir, episode));
    const transcript = transcriptIn(names);
    if (!transcript) skipped.push({ episode, reason: 'no transcript.* file' });
    else if (!names.includes('reference.md')) skipped.push({ episode, reason: 'no reference.md' });
    else
      folders.push({
        episode,
        transcript: join(dir, episode, transcript),
        reference: join(dir, episode, 'reference.md'),
      });
  }
  if (folders.length === 0) {
    throw new AppError('eval_empty', `no episode folders (each with transcript.* and reference.md) in ${dir}`);
  }
  return { folders, skipped };
}
