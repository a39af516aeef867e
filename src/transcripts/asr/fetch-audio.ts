import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AppError } from '../../model/errors.js';
import { safeDownload, type DownloadOptions } from '../../net/index.js';

export interface FetchedAudio {
  path: string;
  sha256: string;
  bytes: number;
  /** True when the file was downloaded here (and may be removed when done). */
  downloaded: boolean;
}

export interface FetchAudioOptions {
  dir: string;
  maxBytes: number;
  download?: DownloadOptions;
  onProgress?: (received: number, total: number | undefined) => void;
}

/** A local file as it is, or a URL streamed to `<dir>/<sha256(url)><ext>` (kept across a crash, resumed). */
export async function fetchAudio(source: string, o: FetchAudioOptions): Promise<FetchedAudio> {
  if (!/^https?:\/\//i.test(source)) {
    const { size } = await stat(source);
    if (size > o.maxBytes)
      throw new AppError(
        'audio_too_large',
        `${source} has ${size} bytes, more than ASR_MAX_AUDIO_BYTES (${o.maxBytes})`,
      );
    return { path: source, sha256: await hashFile(source), bytes: size, downloaded: false };
  }
  const ext = (extname(new URL(source).pathname)
    .toLowerCase()
    .match(/^\.[a-z0-9]{1,5}$/) ?? [''])[0];
  const dest = join(o.dir, `${createHash('sha256').update(source).digest('hex').slice(0, 32)}${ext}`);
  if (existsSync(dest)) {
    const { size } = await stat(dest);
    return { path: dest, sha256: await hashFile(dest), bytes: size, downloaded: true };
  }
  const got = await safeDownload(source, dest, {
    ...o.download,
    maxBytes: o.maxBytes,
    ...(o.onProgress && { onProgress: o.onProgress }),
  });
  return { path: dest, sha256: got.sha256, bytes: got.bytes, downloaded: true };
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
