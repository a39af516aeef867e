import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import { AppError } from '../../model/errors.js';
import { discoverEpisodes } from './discover.js';

describe.runIf(requireCorpus())('discoverEpisodes', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podbrief-discover-'));
    const reference = corpusPath('eval-public', 'podlets-016-cloud-native-apps', 'reference.md');
    await mkdir(join(dir, 'b-vtt'));
    await copyFile(corpusPath('transcripts', 'talkpython-507-langgraph.vtt'), join(dir, 'b-vtt', 'transcript.vtt'));
    await copyFile(reference, join(dir, 'b-vtt', 'reference.md'));
    await mkdir(join(dir, 'a-md'));
    await copyFile(
      corpusPath('eval-public', 'podlets-016-cloud-native-apps', 'transcript.md'),
      join(dir, 'a-md', 'transcript.md'),
    );
    await copyFile(reference, join(dir, 'a-md', 'reference.md'));
    await mkdir(join(dir, 'c-no-reference'));
    await copyFile(
      corpusPath('transcripts', 'talkpython-507-langgraph.vtt'),
      join(dir, 'c-no-reference', 'transcript.vtt'),
    );
    await mkdir(join(dir, 'd-no-transcript'));
    await copyFile(reference, join(dir, 'd-no-transcript', 'reference.md'));
    await writeFile(join(dir, 'notes.txt'), 'not a folder');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds transcript.* of any type beside reference.md, in name order, and says what it skipped', async () => {
    const found = await discoverEpisodes(dir);
    expect(found.folders.map((f) => [f.episode, f.transcript.slice(dir.length)])).toEqual([
      ['a-md', join('/a-md', 'transcript.md')],
      ['b-vtt', join('/b-vtt', 'transcript.vtt')],
    ]);
    expect(found.skipped).toEqual([
      { episode: 'c-no-reference', reason: 'no reference.md' },
      { episode: 'd-no-transcript', reason: 'no transcript.* file' },
    ]);
  });

  it('fails clearly on a missing directory or one without episodes', async () => {
    await expect(discoverEpisodes(join(dir, 'absent'))).rejects.toThrow(AppError);
    await expect(discoverEpisodes(join(dir, 'absent'))).rejects.toThrow(/is not a directory/);
    await expect(discoverEpisodes(join(dir, 'c-no-reference'))).rejects.toThrow(/no episode folders/);
  });
});
