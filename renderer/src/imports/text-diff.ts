export interface InlineDiff {
  /** Shared text before the first difference (shortened to its end when long). */
  readonly prefix: string;
  readonly removed: string;
  readonly added: string;
  /** Shared text after the last difference (shortened to its start when long). */
  readonly suffix: string;
}

const CONTEXT = 40;

/**
 * Where a reworded text changed: the common start and end are trimmed to a little context, so
 * “提升至38%” → “提升至40%” stands out in a paragraph of 200 characters.
 */
export function inlineDiff(before: string, after: string): InlineDiff {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const prefix = before.slice(0, start);
  const suffix = before.slice(before.length - end);
  return {
    prefix: prefix.length > CONTEXT ? `…${prefix.slice(-CONTEXT)}` : prefix,
    removed: before.slice(start, before.length - end),
    added: after.slice(start, after.length - end),
    suffix: suffix.length > CONTEXT ? `${suffix.slice(0, CONTEXT)}…` : suffix,
  };
}
