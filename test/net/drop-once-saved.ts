import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';

/** Bytes in the `*.part` files under `dir`: what a download saved so far. */
export function partBytes(dir: string): number {
  let bytes = 0;
  try {
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
      if (name.endsWith('.part')) bytes += statSync(join(dir, name)).size;
  } catch {
    // No folder yet: nothing saved.
  }
  return bytes;
}

/**
 * Writes the first `at` bytes of `body`, then drops the connection once the client has saved them
 * (`saved()` reaches `at`; at most 5 s). Dropping at once would race the client: a reset can discard
 * what it received but had not read, so a resume would start from less than was sent.
 */
export function sendThenDrop(res: ServerResponse, body: Buffer, at: number, saved: () => number): void {
  const until = Date.now() + 5_000;
  const dropWhenSaved = (): void => {
    if (saved() >= at || Date.now() > until) res.socket?.destroy();
    else setTimeout(dropWhenSaved, 5);
  };
  res.write(body.subarray(0, at), dropWhenSaved);
}
