import { expect } from 'vitest';
import { AppError } from '../../../model/errors.js';

/** Awaits a promise that must reject with an AppError, and returns it. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError, got a result');
}
