import { readFile } from 'node:fs/promises';
import { safeFetch, type FetchOptions } from '../net/index.js';

/** A local file's bytes, or an http(s) URL fetched through the hardened client. */
export async function readFileOrUrl(target: string, fetchOptions: FetchOptions): Promise<Buffer> {
  if (/^https?:\/\//i.test(target)) return (await safeFetch(target, fetchOptions)).body;
  return readFile(target);
}
