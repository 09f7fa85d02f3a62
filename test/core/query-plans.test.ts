import { describe, expect, it } from 'vitest';
import type { Statement } from 'better-sqlite3';
import { addIndicator, fields, quarterFixture } from './progress-fixture';

/**
 * 任务台账 and 总览 must stay index-bound: at a city holding twenty districts' years of
 * reports, the work follows one office's quarter, not the table sizes. Every statement the
 * calls prepare is checked with EXPLAIN QUERY PLAN: none may scan a table that grows with
 * the data.
 */
/** Indexes keyed by period alone: their slice holds every office's quarter, which grows at a city. */
const TOO_WIDE = ['progress_period', 'indicator_values_period'];
const GROWING = ['tasks', 'progress_reports', 'change_log', 'indicators', 'indicator_values', 'plans', 'sections', 'search_docs', 'search_scopes', 'departments', 'offices'];

describe('query plans of the ledger and the dashboard', () => {
  it('seek by index everywhere, including the two-character search', async () => {
    const f = await quarterFixture();
    await f.t.call('progress.save', { period: '2025-Q2', taskId: f.literacy.id, departmentId: f.cdc.id, fields: fields() });
    const id = addIndicator(f.t, { plan_id: f.plan.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, value_kind: 'rate' });
    await f.t.call('indicators.setValue', { indicatorId: id, period: '2025-Q2', value: 9 });
    await f.t.call('plans.create', { kind: 'five-year-plan', title: '“十四五”卫生健康规划', yearFrom: 2021, yearTo: 2025 });
    const plans = await f.t.call('plans.list', {});
    const fiveYear = plans.find((p) => p.kind === 'five-year-plan')!;

    const db = f.t.core.db;
    const seen = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      seen.add(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    const filter = { period: '2025-Q2', search: '疾控', departmentIds: [f.cdc.id] };
    await f.t.call('ledger.query', filter);
    await f.t.call('ledger.query', { period: '2025-Q2', search: '健康素养' });
    await f.t.call('dashboard.summary', filter);
    await f.t.call('dashboard.indicators', { period: '2025-Q2' });
    await f.t.call('dashboard.midterm', { planId: fiveYear.id });
    db.prepare = prepare;

    const reads = [...seen].filter((sql) => /^\s*SELECT/i.test(sql));
    expect(reads.length).toBeGreaterThan(8);
    // Parameters do not change the plan; bind nulls.
    const explain = (sql: string) => ((db.prepare(`EXPLAIN QUERY PLAN ${sql}`) as Statement).all(...Array<null>(sql.split('?').length - 1).fill(null)) as { detail: string }[]).map((r) => r.detail);
    const scans: string[] = [];
    for (const sql of reads) {
      for (const detail of explain(sql)) {
        const table = /^SCAN (\w+)/.exec(detail)?.[1];
        const index = /USING (?:COVERING )?INDEX (\w+)/.exec(detail)?.[1];
        if ((table && GROWING.includes(table)) || (index && TOO_WIDE.includes(index))) scans.push(`${detail}  ←  ${sql.replace(/\s+/g, ' ').slice(0, 120)}`);
      }
    }
    expect(scans).toEqual([]);
    // The search is answered by the full-text index with a rowid range, not by scanning documents.
    const search = reads.find((sql) => sql.includes('search_fts MATCH'))!;
    const details = explain(search);
    expect(details.some((d) => /VIRTUAL TABLE INDEX/.test(d))).toBe(true);
    expect(details.some((d) => /SEARCH d USING INDEX/.test(d))).toBe(true);
    f.t.close();
  });
});
