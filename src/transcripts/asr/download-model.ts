import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../model/errors.js';
import { safeDownload, type DownloadOptions } from '../../net/index.js';
import { findModel, modelFileName } from './model-catalog.js';

export interface DownloadModelOptions {
  /** e.g. https://huggingface.co/ggerganov/whisper.cpp/resolve/main */
  baseUrl: string;
  dir: string;
  /** Required for names outside the built-in catalogue; overrides the catalogue otherwise. */
  sha256?: string;
  /** Download again even if the file is there. */
  force?: boolean;
  download?: Omit<DownloadOptions, 'maxBytes' | 'onProgress'>;
  onProgress?: (received: number, total: number | undefined) => void;
}

export interface DownloadedModel {
  path: string;
  bytes: number;
  sha256: string;
  /** False when the file was already there (it was verified when it was downloaded). */
  downloaded: boolean;
  resumedFrom: number;
}

/**
 * Fetches `ggml-<name>.bin` once into `dir` (resuming an interrupted attempt) and keeps it only
 * when its SHA-256 matches; a mismatch deletes the file and fails with `checksum_mismatch`.
 */
export async function downloadModel(name: string, o: DownloadModelOptions): Promise<DownloadedModel> {
  const file = modelFileName(name);
  const known = findModel(name);
  const expected = (o.sha256 ?? known?.sha256)?.toLowerCase();
  if (!expected)
    throw new AppError('checksum_unknown', `no known checksum for model "${name}": pass --sha256 <hex> to download it`);
  if (!/^[0-9a-f]{64}$/.test(expected)) throw new AppError('invalid_argument', `--sha256 must be 64 hex digits`);
  const dest = join(o.dir, file);
  if (existsSync(dest) && !o.force) {
    return { path: dest, bytes: 0, sha256: expected, downloaded: false, resumedFrom: 0 };
  }
  const url = `${o.baseUrl.replace(/\/+$/, '')}/${file}`;
  const maxBytes = known && !o.sha256 ? known.bytes : 8 * 1024 ** 3;
  const got = await safeDownload(url, dest, {
    timeoutMs: 6 * 60 * 60_000,
    ...o.download,
    maxBytes,
    ...(o.onProgress && { onProgress: o.onProgress }),
  });
  if (got.sha256 !== expected) {
    await rm(dest, { force: true });
    throw new AppError(
      'checksum_mismatch',
      `${file}: SHA-256 ${got.sha256} does not match the expected ${expected}; the file was deleted`,
    );
  }
  return { path: dest, bytes: got.bytes, sha256: got.sha256, downloaded: true, resumedFrom: got.resumedFrom };
}
