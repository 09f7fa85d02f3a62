/**
 * Normalises text for the parser: '\n' line ends, no control characters except tab and form feed,
 * no trailing spaces, no leading or trailing blank lines.
 */
export function normalizeText(text: string): string {
  /* eslint-disable no-control-regex -- removing control characters is the point */
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029\u000b\u0085]/g, '\n')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    /* eslint-enable no-control-regex */
    .split('\n')
    // An empty table cell of flattened text is a line holding only a tab: keep it, it marks the cell.
    .map((line) => (/^[ \t]*\t[ \t]*$/.test(line) ? '\t' : line.trimEnd()))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** True when there is nothing but whitespace. */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}
