import { normalizeWidth } from '../../shared/parse/width';

/*
 * Chinese search without a word list: a document is indexed as the overlapping character pairs
 * of each run of letters and digits ("疾控中心" → 疾控 控中 中心) plus the run's last character,
 * so every character starts some token. A two-character query is then one token, a longer one a
 * phrase of consecutive pairs, a single character a prefix query — all answered by FTS5's
 * index (its trigram tokenizer needs three characters; clerks type two: 疾控, 医保, 托育).
 *
 * Every token carries its document's scope (its plan's number): `s6x托育`. A word common across
 * a city's twenty districts and ten years then has one short posting list per plan, so a search
 * of the plans on screen reads only their postings — a rowid range alone still walks the
 * word's whole list. The prefix is digits ended by `x`, so no two scopes share a token.
 */

/** Runs of letters and digits, width-normalised and lower-cased; punctuation and spaces split runs. */
export function searchRuns(text: string): string[] {
  return normalizeWidth(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function tokensOf(run: string): string[] {
  const chars = [...run];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  tokens.push(chars[chars.length - 1]!);
  return tokens;
}

const scopeTag = (scope: number) => `s${scope}x`;

/** The text stored in the full-text index for a document of the given scope. */
export function indexBody(scope: number, ...parts: (string | null | undefined)[]): string {
  const tag = scopeTag(scope);
  return parts
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .flatMap(searchRuns)
    .map((run) =>
      tokensOf(run)
        .map((token) => tag + token)
        .join(' '),
    )
    .join(' ');
}

/** The search words a clerk typed, as runs (whitespace and punctuation separate words). */
export function queryTerms(query: string): string[] {
  return searchRuns(query);
}

/** An FTS5 MATCH expression requiring every word within one scope, or null when nothing searchable was typed. */
export function matchExpression(query: string, scope: number): string | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  const tag = scopeTag(scope);
  return terms
    .map((term) => {
      const chars = [...term];
      if (chars.length === 1) return `"${tag}${term}"*`;
      const pairs: string[] = [];
      for (let i = 0; i + 1 < chars.length; i++) pairs.push(tag + chars[i]! + chars[i + 1]!);
      return `"${pairs.join(' ')}"`;
    })
    .join(' AND ');
}
