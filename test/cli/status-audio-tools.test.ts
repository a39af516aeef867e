import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { npmBinary } from '../../src/transcripts/audio/locate-tools.js';
import { spawnCli } from './run-cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-cli-status-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** PATH with node only, so neither tool is found on the system; spawned, since a process locates its tools once. */
const env = {
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  PATH: dirname(process.execPath),
  FFMPEG_PATH: '/opt/ffmpeg/bin/ffmpeg',
  FFPROBE_PATH: '',
};
const shipped = npmBinary('ffprobe');
const ffprobe = shipped
  ? { path: shipped.path, source: `npm @ffprobe-installer/ffprobe ${shipped.version}` }
  : { path: 'ffprobe', source: 'not found' };

describe('podbrief status: which ffmpeg and ffprobe', () => {
  it('names each tool with where it came from, in JSON and in text', async () => {
    const json = await spawnCli(['status', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as { audioTools: unknown }).audioTools).toEqual({
      ffmpeg: { path: '/opt/ffmpeg/bin/ffmpeg', source: 'FFMPEG_PATH' },
      ffprobe,
    });
    const text = await spawnCli(['status'], env);
    expect(text.stdout).toContain('ffmpeg: /opt/ffmpeg/bin/ffmpeg (FFMPEG_PATH)\n');
    expect(text.stdout).toContain(`ffprobe: ${ffprobe.path} (${ffprobe.source})\n`);
  });
});
