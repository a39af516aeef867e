import { expect } from 'vitest';
import { FetchError } from '../../src/net/index.js';

/** Awaits a promise that must reject with a FetchError, and returns it. */
export async function fetchFailure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  }
  throw new Error('expected a FetchError, got a result');
}
