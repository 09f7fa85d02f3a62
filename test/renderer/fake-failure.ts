import { errorMessages, type ErrorCode } from '../../shared/api';

/** A contract error raised inside the fake, turned into `{ ok: false, error }` at the boundary. */
export class Failure extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? errorMessages[code]);
  }
}

export type Row = Record<string, unknown> & { id: string; deleted: boolean };
