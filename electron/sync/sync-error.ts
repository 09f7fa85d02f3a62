import { AppError } from '../core/app-error';

/**
 * Where a package was refused, in the order the reader checks. Tests and the import log use it;
 * the clerk only ever reads the message.
 */
export type PackageStage =
  | 'size' // file too large or too small
  | 'framing' // trailer magics or lengths wrong: not a package at all
  | 'signature' // Ed25519 signature does not match the bytes
  | 'container' // zip structure malformed, unsafe or too large
  | 'budget' // would inflate beyond what this signer is allowed before it is trusted, or beyond the ratio cap
  | 'manifest' // manifest missing, not JSON or not matching the schema
  | 'version' // another format, or a newer format version
  | 'signer' // the manifest names a different key from the one that signed
  | 'entries' // entries missing, unlisted or not matching their size / SHA-256
  | 'parts' // split parts missing, foreign or corrupted
  | 'write' // writePackage was given input it would itself refuse to read
  | 'unexpected'; // an exception no check anticipated (a bug; tests assert it never happens)

/**
 * A refused package: an ordinary INVALID_ARGUMENT AppError carrying the stage that refused it
 * and, for split parts, which of the given files (0-based) are at fault so the UI can name them.
 */
export class PackageError extends AppError {
  constructor(
    readonly stage: PackageStage,
    message: string,
    readonly files: readonly number[] = [],
  ) {
    super('INVALID_ARGUMENT', message);
  }
}

/** Show a name from a package in a message without letting it run on or carry control characters. */
export function quoteName(name: string): string {
  const clean = [...name].filter((c) => c >= ' ' && c !== '\u007f').join('');
  return `“${clean.length > 60 ? `${clean.slice(0, 60)}…` : clean}”`;
}
