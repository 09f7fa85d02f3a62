/*
 * Every date the renderer shows goes through these: 2025-04-12 (tables, times) or 2025年4月12日
 * (headers, sentences), never the browser's locale (mm/dd/yyyy in an English Chromium).
 */

const pad = (n: number) => String(n).padStart(2, '0');
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as written (2025-04-12), or the local day of an ISO time; null if neither. */
function dayOf(value: string): { y: number; m: number; d: number } | null {
  const plain = PLAIN_DATE.exec(value);
  if (plain) return { y: Number(plain[1]), m: Number(plain[2]), d: Number(plain[3]) };
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
}

/** yyyy-MM-dd; the text itself if it is not a date. */
export function formatDate(value: string): string {
  const day = dayOf(value);
  return day ? `${day.y}-${pad(day.m)}-${pad(day.d)}` : value;
}

/** 2025年4月12日; the text itself if it is not a date. */
export function formatChineseDate(value: string): string {
  const day = dayOf(value);
  return day ? `${day.y}年${day.m}月${day.d}日` : value;
}

/** Local time as yyyy-MM-dd HH:mm; the text itself if it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `HH:mm` in local time (已自动保存 09:05); empty if not a time. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `HH:mm` when the time is on `today`, else `yyyy-MM-dd HH:mm`. */
export function timeOrDateTime(iso: string, today: Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = date.getFullYear() === today.getFullYear() && date.getMonth() === today.getMonth() && date.getDate() === today.getDate();
  return sameDay ? clockTime(iso) : formatDateTime(iso);
}

/**
 * A date as a clerk types it — 2025-4-12, 2025/4/12, 2025.4.12, 2025年4月12日, 20250412, full-width
 * digits — as yyyy-MM-dd; null for nothing typed, undefined for no real date (2025-02-30).
 */
export function parseDateText(text: string): string | null | undefined {
  const ascii = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (ascii === '') return null;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(ascii) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(ascii);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
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
