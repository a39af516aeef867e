import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateTool, npmBinary, resolveTool, type NpmLookup } from './locate-tools.js';

const dir = mkdtempSync(join(tmpdir(), 'podbrief-locate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder holding an executable `name`, like a system bin directory. */
function binDir(folder: string, name: string, mode = 0o755): string {
  const bin = join(dir, folder);
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, name), '#!/bin/sh\n');
  chmodSync(join(bin, name), mode);
  return bin;
}

const shipped: NpmLookup = (tool) => ({ path: `/npm/${tool}`, package: `@${tool}-installer/${tool}`, version: '9.9' });
const none: NpmLookup = () => undefined;

describe.skipIf(process.platform === 'win32')('which ffmpeg and ffprobe are used', () => {
  const system = binDir('system', 'ffmpeg');
  const path = [join(dir, 'empty'), system].join(delimiter);

  it('takes the explicit setting over the system and the npm binary', () => {
    expect(resolveTool('ffmpeg', '/opt/ffmpeg/bin/ffmpeg', path, shipped)).toEqual({
      path: '/opt/ffmpeg/bin/ffmpeg',
      source: 'FFMPEG_PATH',
    });
    expect(resolveTool('ffprobe', ' /opt/ffprobe ', path, shipped)).toEqual({
      path: '/opt/ffprobe',
      source: 'FFPROBE_PATH',
    });
  });

  it('takes the first executable on PATH over the npm binary when nothing is set', () => {
    const earlier = binDir('earlier', 'ffmpeg');
    expect(resolveTool('ffmpeg', '', path, shipped)).toEqual({ path: join(system, 'ffmpeg'), source: 'system' });
    expect(resolveTool('ffmpeg', undefined, [earlier, system].join(delimiter), shipped)).toEqual({
      path: join(earlier, 'ffmpeg'),
      source: 'system',
    });
  });

  it('skips files on PATH that cannot be run, and folders named like the tool', () => {
    const notExecutable = binDir('plain', 'ffprobe', 0o644);
    mkdirSync(join(dir, 'folder', 'ffprobe'), { recursive: true });
    expect(resolveTool('ffprobe', '', [notExecutable, join(dir, 'folder'), system].join(delimiter), shipped)).toEqual({
      path: '/npm/ffprobe',
      source: 'npm @ffprobe-installer/ffprobe 9.9',
    });
  });

  it('falls back to the npm binary, then to the bare name that fails as ffmpeg_missing', () => {
    expect(resolveTool('ffprobe', '', path, shipped)).toEqual({
      path: '/npm/ffprobe',
      source: 'npm @ffprobe-installer/ffprobe 9.9',
    });
    expect(resolveTool('ffprobe', '', undefined, none)).toEqual({ path: 'ffprobe', source: 'not found' });
  });

  it('finds the binaries the optional npm packages ship, and they run', () => {
    for (const tool of ['ffmpeg', 'ffprobe'] as const) {
      const found = npmBinary(tool);
      if (!found) continue; // no build for this platform: the packages are optional
      expect(found.package).toBe(tool === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe');
      expect(execFileSync(found.path, ['-version'], { encoding: 'utf8' })).toMatch(new RegExp(`^${tool} version `));
    }
  });

  it('locates once and keeps the answer, while an explicit setting still wins', () => {
    const first = locateTool('ffmpeg');
    expect(first.source).not.toBe('FFMPEG_PATH');
    expect(locateTool('ffmpeg')).toBe(first);
    expect(locateTool('ffmpeg', '/custom/ffmpeg')).toEqual({ path: '/custom/ffmpeg', source: 'FFMPEG_PATH' });
  });
});
