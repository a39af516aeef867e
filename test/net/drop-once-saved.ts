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
 * (`saved()` reaches `at`; after 5 s it drops anyway and throws). Dropping at once would race the client: a reset can discard
 * what it received but had not read, so a resume would start from less than was sent.
 */
export function sendThenDrop(res: ServerResponse, body: Buffer, at: number, saved: () => number): void {
  const until = Date.now() + 5_000;
  const dropWhenSaved = (): void => {
    if (saved() >= at) res.socket?.destroy();
    else if (Date.now() <= until) setTimeout(dropWhenSaved, 5);
    else {
      res.socket?.destroy();
      // Thrown from a timer, so the run reports it: the test would otherwise pass or fail by chance.
      throw new Error(`sendThenDrop: the client saved ${saved()} of the ${at} bytes sent within 5 s`);
    }
  };
  res.write(body.subarray(0, at), dropWhenSaved);
}
