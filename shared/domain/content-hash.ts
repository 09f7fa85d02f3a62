/**
 * A stored file's name is its SHA-256 as 64 lowercase hex digits, and nothing else: a value from
 * a package or a database that is anything else (a path, "../ledger.sqlite") is refused, so a
 * file name built from it always stays inside its store folder.
 */
export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
