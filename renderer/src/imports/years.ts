const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十四 → 14, 二十 → 20, 二十一 → 21 (enough for five-year plan numbers). */
function chineseNumber(text: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return null;
  const [, tens, ten, ones] = match;
  if (!ten) return tens && !ones ? DIGITS[tens]! : null;
  return (tens ? DIGITS[tens]! : 1) * 10 + (ones ? DIGITS[ones]! : 0);
}

/** The n-th five-year plan: the 3rd ran 1966–1970 and they follow on without gaps since. */
function fiveYearPlanYears(n: number): { from: number; to: number } | null {
  if (n < 3) return null;
  const from = 1966 + 5 * (n - 3);
  return { from, to: from + 4 };
}

const valid = (y: number) => y >= 2000 && y <= 2100;

export interface PlanYears {
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
}

/**
 * The years a plan covers: a span in the title (2021-2025年, 2024—2027年), a five-year plan
 * name (“十四五” → 2021–2025), a single year in the title (2025年), else the year it was issued.
 */
export function planYears(title: string | null, issuedOn: string | null): PlanYears {
  const text = title ?? '';
  const span = /((?:19|20)\d\d)\s*年?\s*[-－—–~～至到]+\s*((?:19|20)\d\d)/.exec(text);
  if (span) {
    const from = Number(span[1]);
    const to = Number(span[2]);
    if (valid(from) && valid(to) && from <= to) return { yearFrom: from, yearTo: to };
  }
  const plan = /([一二三四五六七八九十]{1,3})五(?:规划|时期|期间|”|"|』|」|$)/.exec(text);
  if (plan) {
    const n = chineseNumber(plan[1]!);
    const years = n === null ? null : fiveYearPlanYears(n);
    if (years && valid(years.from)) return { yearFrom: years.from, yearTo: years.to };
  }
  const single = /((?:19|20)\d\d)\s*年/.exec(text);
  if (single && valid(Number(single[1]))) return { yearFrom: Number(single[1]), yearTo: Number(single[1]) };
  const issued = issuedOn ? /^(\d{4})/.exec(issuedOn) : null;
  if (issued && valid(Number(issued[1]))) return { yearFrom: Number(issued[1]), yearTo: Number(issued[1]) };
  return { yearFrom: null, yearTo: null };
}
