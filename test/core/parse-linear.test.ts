import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { ParseLimitError, parsePlan, type ParseInput } from '../../shared/parse';

/*
 * Issue 14, finding 5: parsing must take time proportional to the input. Each shape below made
 * some step quadratic (2.9 s at 108k characters, 14.6 s at 216k; a 20 MB line ran past 600 s).
 * Every shape is parsed at 1×, 4× and 16× its base size; 16× may cost at most 3 × 16 times 1×.
 * A quadratic step costs 256 times as much at 16×, so the margin tolerates a busy machine.
 *
 * Timing is made robust rather than exact: the fastest of three runs counts (noise only slows a
 * run down), a run that already meets the bound is not repeated, and 1× is never taken as less
 * than FLOOR_MS so that a lucky sub-millisecond baseline cannot fail a linear parse.
 */
const FACTOR = 3;
const FLOOR_MS = 10;

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'documents', name), 'utf8');
const plan = fixture('qingshan-2026-work-points-fuze.txt');
const WIDE_LINE = '推进基层医疗卫生机构能力建设提升服务水平加强公共卫生体系建设完善';

/** Each shape at size n (1, 4 or 16). */
const shapes: Record<string, (n: number) => ParseInput> = {
  // A PDF's text: equal-width wrapped lines and no sentence end, so every line joins the one before.
  'equal-width lines without sentence ends': (n) => ({ text: Array.from({ length: n * 400 }, () => WIDE_LINE).join('\n') }),
  'one huge single line': (n) => ({ text: '加强公共卫生体系建设，提升服务能力'.repeat(n * 800) }),
  '“疾控科牵头，” repeated': (n) => ({ text: '疾控科牵头，'.repeat(n * 2000) }),
  '“疾控科牵头，” repeated in an unclosed bracket of a task': (n) => ({ text: `1.加强疫情防控（${'疾控科牵头，'.repeat(n * 2000)}` }),
  'normal plan text repeated': (n) => ({ text: Array.from({ length: n * 2 }, () => plan).join('\n') }),
  'many table rows (sheet)': (n) => ({
    text: '',
    format: 'xlsx',
    tables: [{ sheet: '任务', rows: [['序号', '任务名称', '牵头科室', '完成时限'], ...Array.from({ length: n * 250 }, (_, i) => [String(i + 1), `推进第${i + 1}项工作，覆盖率达到95%`, '疾控科', '2026年6月底前'])] }],
  }),
  'many table rows (flattened, one cell per line)': (n) => ({
    text: `\t序号\n\t任务名称\n\t牵头科室\n\n${Array.from({ length: n * 250 }, (_, i) => `\t${i + 1}\n\t推进第${i + 1}项工作，覆盖率达到95%\n\t疾控科`).join('\n\n')}`,
  }),
  'numbers without clause breaks': (n) => ({ text: `1.提升服务${'覆盖率达到95%'.repeat(n * 300)}` }),
  'word targets without clause breaks': (n) => ({ text: `1.安全生产${'保持零死亡'.repeat(n * 300)}` }),
  'more than 999 numbered tasks': (n) => ({ text: Array.from({ length: n * 120 + 990 }, (_, i) => `${i + 1}.推进工作，覆盖率达到95%（疾控科牵头）`).join('\n') }),
};

/** The fastest of `runs` parses; with a bound, stops early once a run settles the question. */
function fastest(input: ParseInput, runs: number, bound?: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    try {
      parsePlan(input);
    } catch (error) {
      // A field over its limit is refused after the whole parse: the time still counts.
      if (!(error instanceof ParseLimitError) || error.code !== 'FIELD_TOO_LONG') throw error;
    }
    best = Math.min(best, performance.now() - started);
    // Noise only slows a run: one within the bound settles it, and one far beyond it is no noise.
    if (bound !== undefined && (best <= bound || best > bound * 3)) break;
  }
  return best;
}

describe('parsing time grows linearly with the input', () => {
  for (const [name, shape] of Object.entries(shapes)) {
    it(name, () => {
      const [one, four, sixteen] = [shape(1), shape(4), shape(16)];
      fastest(one, 1); // warm up the JIT
      const t1 = Math.max(fastest(one, 3), FLOOR_MS);
      const t4 = fastest(four, 3, 4 * FACTOR * t1);
      const t16 = fastest(sixteen, 3, 16 * FACTOR * t1);
      const figures = `1×: ${t1.toFixed(1)} ms, 4×: ${t4.toFixed(1)} ms, 16×: ${t16.toFixed(1)} ms`;
      expect(t16, figures).toBeLessThanOrEqual(16 * FACTOR * t1);
    }, 180_000);
  }
});
