const pad = (n: number) => String(n).padStart(2, '0');

/** Local time as yyyy-MM-dd HH:mm; the text itself if it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Clerks type lists with 、 or commas (half or full width), semicolons or new lines. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of text.split(/[,，、;；\n]+/)) {
    const item = raw.trim();
    if (item && !seen.has(item)) {
      seen.add(item);
      items.push(item);
    }
  }
  return items;
}

export function joinList(items: readonly string[]): string {
  return items.join('、');
}

export function yearsLabel(from: number | null, to: number | null): string {
  if (from == null && to == null) return '未填写';
  if (from != null && to != null) return from === to ? `${from}年` : `${from}—${to}年`;
  return `${from ?? to}年`;
}

/** An optional year typed into a form: empty is null, digits a number, anything else undefined. */
export function parseOptionalYear(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : undefined;
}
