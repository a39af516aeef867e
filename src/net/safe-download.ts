import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { request, type Dispatcher } from 'undici';
import { openRequestScope } from './agent.js';
import { contentCoding } from './decode-body.js';
import { readPartState, writePartState, type PartState } from './download-part.js';
import { FetchError } from './errors.js';
import { toFetchError } from './map-error.js';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_REDIRECTS,
  REDIRECT_STATUSES,
  discard,
  flattenHeaders,
  httpError,
  nextHop,
  requestHeaders,
  withoutCredentials,
  type FetchOptions,
  type Hop,
} from './safe-fetch.js';
import { assertPublicLiteral } from './ssrf.js';
import { parseHttpUrl, redactUrl } from './url.js';

const DEFAULT_DOWNLOAD_TIMEOUT_MS = 60 * 60_000;
const DEFAULT_DOWNLOAD_IDLE_MS = 30_000;
const DEFAULT_DOWNLOAD_MAX_BYTES = 1024 ** 3;

export interface DownloadOptions
  extends Pick<
    FetchOptions,
    'connectTimeoutMs' | 'allowPrivateNetworks' | 'userAgent' | 'headers' | 'maxRedirects' | 'accept' | 'resolver'
  > {
  /** Total deadline of this attempt (connect, redirects, whole body). Default one hour. */
  timeoutMs?: number;
  /** Abort when the server sends nothing for this long. Default 30 s. */
  idleTimeoutMs?: number;
  /** Cap on the whole file, including a part kept from an earlier attempt. Default 1 GiB. */
  maxBytes?: number;
  /** Keep `<dest>.part` on a network failure and continue it next time with a Range request. Default true. */
  resume?: boolean;
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  sha256: string;
  /** Final URL after redirects, without credentials. */
  url: string;
  contentType?: string;
  /** Bytes that came from an earlier, interrupted attempt. */
  resumedFrom: number;
}

interface Opened {
  res: Dispatcher.ResponseData;
  headers: Record<string, string>;
  url: string;
}

/**
 * Streams a URL to `destPath` under the same rules as safeFetch (public addresses only, every
 * redirect hop checked, one deadline, a byte cap) without holding the body in memory. Writes to
 * `<dest>.part` and renames on success; a later call resumes the part with `Range`/`If-Range`.
 */
export async function safeDownload(
  rawUrl: string,
  destPath: string,
  opts: DownloadOptions = {},
): Promise<DownloadResult> {
  const partPath = `${destPath}.part`;
  const maxBytes = opts.maxBytes ?? DEFAULT_DOWNLOAD_MAX_BYTES;
  const resume = opts.resume !== false;
  await mkdir(dirname(destPath), { recursive: true });
  const state = resume ? await usablePart(partPath, rawUrl) : undefined;
  if (!state) await clearPart(partPath);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const scope = openRequestScope({
    timeoutMs,
    allowPrivateNetworks: opts.allowPrivateNetworks === true,
    connectTimeoutMs: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    ...(opts.resolver && { resolver: opts.resolver }),
  });
  let shownUrl = redactUrl(rawUrl);
  let keepPart = resume;
  try {
    const rangeHeaders = state ? rangeRequest(state) : {};
    const opened = await open(
      rawUrl,
      { ...opts, headers: { ...opts.headers, 'accept-encoding': 'identity', ...rangeHeaders } },
      scope.agent,
      scope.signal,
      timeoutMs,
    );
    shownUrl = opened.url;
    const plan = planWrite(opened, state, maxBytes);
    if (plan.kind === 'complete') {
      discard(opened.res.body);
      return await finish(partPath, destPath, state?.bytes ?? 0, await hashFile(partPath), opened, state?.bytes ?? 0);
    }
    const coding = contentCoding(opened.headers['content-encoding']);
    // Ranges count encoded bytes, so a part written after decoding could never be continued.
    keepPart = resume && coding === 'identity';
    if (keepPart)
      await writePartState(partPath, {
        url: rawUrl,
        etag: opened.headers.etag,
        lastModified: opened.headers['last-modified'],
        total: plan.total,
      });
    const hash = createHash('sha256');
    if (plan.offset > 0) for await (const chunk of createReadStream(partPath)) hash.update(chunk as Buffer);
    const counter = countingStream(plan.offset, maxBytes, plan.total, hash, opts.onProgress);
    await pipeline([
      opened.res.body,
      ...decoderFor(coding),
      counter.stream,
      createWriteStream(partPath, { flags: plan.offset > 0 ? 'a' : 'w' }),
    ]);
    const bytes = counter.received();
    if (plan.total !== undefined && coding === 'identity' && bytes < plan.total) {
      throw new FetchError('truncated_body', `connection closed after ${bytes} of ${plan.total} bytes`);
    }
    return await finish(partPath, destPath, bytes, hash.digest('hex'), opened, plan.offset);
  } catch (err) {
    const failure = toFetchError(err, shownUrl, scope.deadlineHit(), timeoutMs);
    // A refused or oversized file will not get better; a dropped connection or a 5xx may.
    if (!keepPart || failure.code === 'response_too_large' || /^http_4/.test(failure.code)) await clearPart(partPath);
    throw failure;
  } finally {
    scope.close();
  }
}

async function open(
  rawUrl: string,
  opts: DownloadOptions,
  agent: Dispatcher,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Opened> {
  const first = parseHttpUrl(rawUrl);
  const fetchOpts: FetchOptions = { ...opts, timeoutMs };
  let hop: Hop = { url: first, method: 'GET', body: undefined, headers: requestHeaders(first, fetchOpts) };
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const idle = Math.min(opts.idleTimeoutMs ?? DEFAULT_DOWNLOAD_IDLE_MS, timeoutMs);
  for (let redirects = 0; ; redirects++) {
    if (opts.allowPrivateNetworks !== true) assertPublicLiteral(hop.url.hostname);
    const res = await request(withoutCredentials(hop.url), {
      dispatcher: agent,
      method: 'GET',
      headers: hop.headers,
      signal,
      headersTimeout: idle,
      bodyTimeout: idle,
    });
    res.body.on('error', () => {});
    const headers = flattenHeaders(res.headers);
    const location = res.headers.location;
    if (REDIRECT_STATUSES.has(res.statusCode) && typeof location === 'string') {
      discard(res.body);
      if (redirects + 1 > maxRedirects)
        throw new FetchError('too_many_redirects', `more than ${maxRedirects} redirects`);
      hop = nextHop(hop, res.statusCode, location);
      continue;
    }
    const url = redactUrl(hop.url);
    if ((res.statusCode < 200 || res.statusCode >= 300) && res.statusCode !== 416) {
      discard(res.body);
      throw httpError(res.statusCode, headers, url);
    }
    return { res, headers, url };
  }
}

type WritePlan = { kind: 'complete' } | { kind: 'write'; offset: number; total: number | undefined };

/** Append to the part only when the server continued exactly where it ends; else start over. */
function planWrite(opened: Opened, state: PartState | undefined, maxBytes: number): WritePlan {
  const { res, headers } = opened;
  const have = state?.bytes ?? 0;
  const range = /^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)$/i.exec(headers['content-range'] ?? '');
  const rangeTotal = range?.[3] && range[3] !== '*' ? Number(range[3]) : undefined;
  if (res.statusCode === 416) {
    if (state && rangeTotal === have) return { kind: 'complete' };
    throw new FetchError('http_416', `server refused to resume at byte ${have}`);
  }
  let offset = 0;
  let total: number | undefined;
  if (res.statusCode === 206) {
    if (!range || Number(range[1]) !== have)
      throw new FetchError(
        'http_protocol_error',
        `server answered an unexpected range (${headers['content-range'] ?? 'none'})`,
      );
    offset = have;
    total = rangeTotal;
  } else {
    const declared = Number(headers['content-length']);
    total =
      !headers['content-encoding'] && Number.isFinite(declared) && headers['content-length'] !== undefined
        ? declared
        : undefined;
  }
  if (total !== undefined && total > maxBytes) {
    throw new FetchError('response_too_large', `file of ${total} bytes exceeds the ${maxBytes}-byte limit`);
  }
  return { kind: 'write', offset, total };
}

function countingStream(
  offset: number,
  maxBytes: number,
  total: number | undefined,
  hash: ReturnType<typeof createHash>,
  onProgress: DownloadOptions['onProgress'],
) {
  let received = offset;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      received += chunk.length;
      if (received > maxBytes)
        return done(new FetchError('response_too_large', `download exceeds the ${maxBytes}-byte limit`));
      hash.update(chunk);
      onProgress?.(received, total);
      done(null, chunk);
    },
  });
  return { stream, received: () => received };
}

function decoderFor(coding: ReturnType<typeof contentCoding>): Transform[] {
  if (coding === 'gzip') return [createGunzip()];
  if (coding === 'br') return [createBrotliDecompress()];
  if (coding === 'deflate') return [createInflate()];
  return [];
}

function rangeRequest(state: PartState): Record<string, string> {
  // If-Range needs a strong validator: a weak ETag would make every server send the whole file.
  const validator = state.etag && !state.etag.startsWith('W/') ? state.etag : state.lastModified;
  return { range: `bytes=${state.bytes}-`, ...(validator ? { 'if-range': validator } : {}) };
}

async function usablePart(partPath: string, url: string): Promise<PartState | undefined> {
  const state = await readPartState(partPath);
  if (!state || state.url !== url || state.bytes === 0) return undefined;
  if (!state.etag && !state.lastModified) return undefined;
  return state;
}

async function finish(
  partPath: string,
  destPath: string,
  bytes: number,
  sha256: string,
  opened: Opened,
  resumedFrom: number,
): Promise<DownloadResult> {
  await rename(partPath, destPath);
  await rm(`${partPath}.json`, { force: true });
  const contentType = opened.headers['content-type'];
  return {
    path: destPath,
    bytes,
    sha256,
    url: opened.url,
    resumedFrom,
    ...(contentType !== undefined && { contentType }),
  };
}

async function clearPart(partPath: string): Promise<void> {
  await rm(partPath, { force: true });
  await rm(`${partPath}.json`, { force: true });
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
