import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

export type AudioTool = 'ffmpeg' | 'ffprobe';

export interface LocatedTool {
  /** What to run: a full path, or the bare name when nothing was found (running it then fails as `ffmpeg_missing`). */
  path: string;
  /** Where it came from: `FFMPEG_PATH`/`FFPROBE_PATH`, `system`, `npm @ffmpeg-installer/ffmpeg 4.1.0`, or `not found`. */
  source: string;
}

/** The binary an npm package ships, or undefined when the package is absent or has no build for this platform. */
export type NpmLookup = (tool: AudioTool) => { path: string; package: string; version: string } | undefined;

const SETTING: Record<AudioTool, string> = { ffmpeg: 'FFMPEG_PATH', ffprobe: 'FFPROBE_PATH' };
const NPM_PACKAGE: Record<AudioTool, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
};

/**
 * ffmpeg or ffprobe: the explicit setting wins, else the one on PATH, else the binary the optional
 * npm package ships. Pure: the search path and the npm lookup are passed in.
 */
export function resolveTool(
  tool: AudioTool,
  setting: string | undefined,
  searchPath: string | undefined,
  npm: NpmLookup,
): LocatedTool {
  if (setting?.trim()) return { path: setting.trim(), source: SETTING[tool] };
  const onPath = findOnPath(process.platform === 'win32' ? `${tool}.exe` : tool, searchPath);
  if (onPath) return { path: onPath, source: 'system' };
  const shipped = npm(tool);
  if (shipped) return { path: shipped.path, source: `npm ${shipped.package} ${shipped.version}` };
  return { path: tool, source: 'not found' };
}

const located = new Map<AudioTool, LocatedTool>();

/** `resolveTool` with this process's PATH and node_modules; the automatic choice is made once. */
export function locateTool(tool: AudioTool, setting?: string): LocatedTool {
  if (setting?.trim()) return resolveTool(tool, setting, undefined, npmBinary);
  let found = located.get(tool);
  if (!found) {
    found = resolveTool(tool, undefined, process.env['PATH'], npmBinary);
    located.set(tool, found);
  }
  return found;
}

function findOnPath(name: string, searchPath: string | undefined): string | undefined {
  for (const dir of (searchPath ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

const require = createRequire(import.meta.url);

/** The packages are optional dependencies and throw on platforms they have no build for. */
export const npmBinary: NpmLookup = (tool) => {
  try {
    const shipped = require(NPM_PACKAGE[tool]) as { path?: unknown; version?: unknown };
    if (typeof shipped.path !== 'string') return undefined;
    return { path: shipped.path, package: NPM_PACKAGE[tool], version: String(shipped.version ?? '') };
  } catch {
    return undefined;
  }
};
