import { AppError } from '../model/errors.js';

export function transcriptInvalid(reason: string): AppError {
  return new AppError('transcript_invalid', `transcript is unusable: ${reason}`);
}
