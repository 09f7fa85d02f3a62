import { describe, expect, it } from 'vitest';
import type { CatalogResult } from '../../shared/api/catalog';
import { createTestCore, tempDir, type TestCore } from '../helpers/core';
import { literacy, seedOffice, seedVariantDistricts } from './catalog-fixture';
import path from 'node:path';

/** Three districts whose plans name the same indicators in their own words; the city looks at them. */
async function threeDistricts() {
  const t = await createTestCore({ officeName: '重庆市卫生健康委' });
  return { t, ...seedVariantDistricts(t.core) };
}

const metricNamed = (list: CatalogResult, name: string) => list.metrics.find((m) => m.name === name)!;
const linksOf = (list: CatalogResult, name: string) =>
  metricNamed(list, name)
    .links.map((l) => [l.officeName, l.name, l.how])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'zh-CN'));

describe('标准指标库', () => {
  it('starts with every indicator unmatched and builds one metric per normalised name and unit, leaving look-alikes to the clerk', async () => {
    const { t, nanan, beibei } = await threeDistricts();
    const before = await t.call('catalog.list', {});
    expect(before.metrics).toEqual([]);
    expect(before.pending).toEqual([]);
    expect(before.unmatched).toHaveLength(8);

    // Groups: 居民健康素养水平 (three wordings), 孕产妇死亡率 (two), then 居民健康素养, 新生儿死亡率 and
    // 婴儿死亡率 once each. 居民健康素养 resembles 居民健康素养水平, 婴儿死亡率 resembles 新生儿死亡率: pending.
    expect(await t.call('catalog.fromIndicators', {})).toEqual({ created: 3 });
    const after = await t.call('catalog.list', {});
    expect(after.unmatched).toEqual([]);
    // Shared by most offices first, then by name.
    expect(after.metrics.map((m) => [m.name, m.unit, m.comparator])).toEqual([
      ['居民健康素养水平', '%', '>='],
      ['孕产妇死亡率', '/10万', '<='],
      ['新生儿死亡率', '‰', '<='],
    ]);
    expect(linksOf(after, '居民健康素养水平')).toEqual([
      ['北碚区卫生健康委', '城乡居民健康素养水平', 'exact'],
      ['江北区卫生健康委', '全区居民健康素养水平', 'exact'],
      ['南岸区卫生健康委', '居民健康素养水平（%）', 'exact'],
    ]);
    expect(linksOf(after, '孕产妇死亡率').map((l) => l[0])).toEqual(['江北区卫生健康委', '南岸区卫生健康委']);
    expect(after.pending.map((p) => [p.indicatorId, p.candidates.map((c) => c.name)])).toEqual([
      [nanan.indicator('南岸区2025年工作要点', '居民健康素养'), ['居民健康素养水平']],
      [beibei.indicator('北碚区2025年工作要点', '婴儿死亡率'), ['新生儿死亡率']],
    ]);
    // Nothing unmatched is left: a second run creates nothing.
    expect(await t.call('catalog.fromIndicators', {})).toEqual({ created: 0 });
    // Once the clerk says 婴儿死亡率 is not 新生儿死亡率, the next run makes it a metric of its own.
    await t.call('catalog.decide', { indicatorId: beibei.indicator('北碚区2025年工作要点', '婴儿死亡率'), metricId: metricNamed(after, '新生儿死亡率').id, same: false });
    expect(await t.call('catalog.fromIndicators', {})).toEqual({ created: 1 });
    expect(linksOf(await t.call('catalog.list', {}), '婴儿死亡率')).toEqual([['北碚区卫生健康委', '婴儿死亡率', 'exact']]);
    t.close();
  });

  it('links exact names, proposes similar ones, and learns from the clerk’s decisions', async () => {
    const { t, nanan, jiangbei } = await threeDistricts();
    const metric = await t.call('catalog.createMetric', { name: '居民健康素养水平', unit: '%', comparator: '>=', indicatorIds: [] });
    const infant = await t.call('catalog.createMetric', { name: '婴儿死亡率', unit: '‰', comparator: '<=', indicatorIds: [] });
    expect(metric.links.map((l) => l.how)).toEqual(['exact', 'exact', 'exact']);

    let list = await t.call('catalog.list', {});
    const shortLiteracy = nanan.indicator('南岸区2025年工作要点', '居民健康素养');
    const newborn = jiangbei.indicator('江北区2025年工作要点', '新生儿死亡率');
    expect(list.pending.map((p) => [p.name, p.candidates.map((c) => c.name)])).toEqual([
      ['居民健康素养', ['居民健康素养水平']],
      ['新生儿死亡率', ['婴儿死亡率']],
    ]);
    expect(list.pending[0]!.candidates[0]!.score).toBeGreaterThanOrEqual(0.6);
    expect(list.pending[0]!.candidates[0]!.score).toBeLessThan(1);
    // 孕产妇死亡率 resembles nothing in the catalog yet.
    expect(list.unmatched.map((u) => u.name)).toEqual(['孕产妇死亡率（1/10万）', '孕产妇死亡率']);

    // 是同一指标: confirmed, and the wording becomes an alias.
    await t.call('catalog.decide', { indicatorId: shortLiteracy, metricId: metric.id, same: true });
    // 不是: never proposed again for that pair.
    await t.call('catalog.decide', { indicatorId: newborn, metricId: infant.id, same: false });
    list = await t.call('catalog.list', {});
    expect(list.pending).toEqual([]);
    expect(metricNamed(list, '居民健康素养水平').aliases).toEqual(['居民健康素养']);
    expect(linksOf(list, '居民健康素养水平')).toContainEqual(['南岸区卫生健康委', '居民健康素养', 'confirmed']);
    expect(list.unmatched.map((u) => u.name)).toContain('新生儿死亡率');
    // A new metric resembling 新生儿死亡率 is proposed; the rejected one still is not.
    await t.call('catalog.createMetric', { name: '围产儿死亡率', unit: '‰', comparator: '<=', indicatorIds: [] });
    list = await t.call('catalog.list', {});
    expect(list.pending.find((p) => p.indicatorId === newborn)?.candidates.map((c) => c.name)).toEqual(['围产儿死亡率']);
    // A unit written in the metric's name counts as its unit: 新生儿死亡率 ‰ is then certain.
    const newbornMetric = await t.call('catalog.createMetric', { name: '新生儿死亡率（‰）', unit: '', comparator: '<=', indicatorIds: [] });
    expect(newbornMetric.links.map((l) => [l.indicatorId, l.how])).toEqual([[newborn, 'exact']]);

    // A district whose plan arrives later with the confirmed wording maps by alias, no clerk needed.
    const later = seedOffice(t.core, '渝中区卫生健康委', [{ title: '渝中区2025年工作要点', yearFrom: 2025, yearTo: 2025, indicators: [literacy('全区居民健康素养', '%')] }]);
    list = await t.call('catalog.list', {});
    expect(metricNamed(list, '居民健康素养水平').links.find((l) => l.officeId === later.id)).toMatchObject({ name: '全区居民健康素养', how: 'alias' });
    t.close();
  });

  it('a rejection outlasts an exact name, and a confirmation moves an indicator from one metric to another', async () => {
    const { t, beibei } = await threeDistricts();
    const metric = await t.call('catalog.createMetric', { name: '居民健康素养水平', unit: '%', comparator: null, indicatorIds: [] });
    const other = await t.call('catalog.createMetric', { name: '健康素养', unit: '%', comparator: null, indicatorIds: [] });
    const beibeiLiteracy = beibei.indicator('北碚区2025年工作要点', '城乡居民健康素养水平');
    await t.call('catalog.decide', { indicatorId: beibeiLiteracy, metricId: metric.id, same: false });
    let list = await t.call('catalog.list', {});
    expect(metricNamed(list, '居民健康素养水平').links.map((l) => l.indicatorId)).not.toContain(beibeiLiteracy);
    expect(list.pending.find((p) => p.indicatorId === beibeiLiteracy)?.candidates.map((c) => c.metricId)).toEqual([other.id]);

    await t.call('catalog.decide', { indicatorId: beibeiLiteracy, metricId: other.id, same: true });
    await t.call('catalog.decide', { indicatorId: beibeiLiteracy, metricId: metric.id, same: true });
    list = await t.call('catalog.list', {});
    expect(metricNamed(list, '居民健康素养水平').links.find((l) => l.indicatorId === beibeiLiteracy)?.how).toBe('confirmed');
    expect(metricNamed(list, '健康素养').links.map((l) => l.indicatorId)).not.toContain(beibeiLiteracy);
    t.close();
  });

  it('creates a metric with confirmed links, refuses a duplicate in Chinese, updates and deletes', async () => {
    const { t, jiangbei, nanan } = await threeDistricts();
    const maternalA = jiangbei.indicator('江北区2025年工作要点', '孕产妇死亡率（1/10万）');
    const maternalB = nanan.indicator('南岸区2025年工作要点', '孕产妇死亡率');
    const created = await t.call('catalog.createMetric', { name: '孕产妇死亡率', unit: '1/10万', comparator: '<=', indicatorIds: [maternalA, maternalB] });
    expect(created.links.map((l) => [l.name, l.how]).sort()).toEqual([
      ['孕产妇死亡率', 'confirmed'],
      ['孕产妇死亡率（1/10万）', 'confirmed'],
    ]);
    // Only a wording that differs from the metric's own name becomes an alias.
    expect(created.aliases).toEqual([]);

    const duplicate = await t.raw('catalog.createMetric', { name: '全区孕产妇死亡率', unit: '/10万', indicatorIds: [] });
    expect(duplicate).toEqual({ ok: false, error: { code: 'CONFLICT', message: '标准指标“孕产妇死亡率”（1/10万）已存在，请直接使用它', fields: { name: '标准指标“孕产妇死亡率”（1/10万）已存在，请直接使用它' } } });
    // Same name, another unit: a different metric.
    expect((await t.raw('catalog.createMetric', { name: '孕产妇死亡率', unit: '‰', indicatorIds: [] })).ok).toBe(true);
    const missing = await t.raw('catalog.createMetric', { name: '人均预期寿命', unit: '岁', indicatorIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');

    const literacy = await t.call('catalog.createMetric', { name: '健康素养', unit: '%', indicatorIds: [] });
    expect((await t.raw('catalog.updateMetric', { id: literacy.id, name: '孕产妇死亡率', unit: '/10万' })).ok).toBe(false);
    const renamed = await t.call('catalog.updateMetric', { id: literacy.id, name: '居民健康素养水平', aliases: ['居民健康素养', '居民健康素养 '] });
    expect(renamed.aliases).toEqual(['居民健康素养']);
    // The new name and alias pick up all four literacy indicators.
    expect(renamed.links.map((l) => l.how).sort()).toEqual(['alias', 'exact', 'exact', 'exact']);

    await t.call('catalog.deleteMetric', { id: created.id });
    const list = await t.call('catalog.list', {});
    expect(list.metrics.map((m) => m.id)).not.toContain(created.id);
    expect(list.unmatched.map((u) => u.indicatorId)).toEqual(expect.arrayContaining([maternalA, maternalB]));
    const gone = await t.raw('catalog.deleteMetric', { id: created.id });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    t.close();
  });

  it('two offices building the catalog from the same data hold the same metric and decision records', async () => {
    const build = async (office: string) => {
      const t: TestCore = await createTestCore({ officeName: office, file: path.join(tempDir(), 'ledger.sqlite') });
      await t.call('system.generate', { offices: 3, years: 1, tasksPerPlan: 4, firstYear: 2025, seed: 7 });
      await t.call('catalog.fromIndicators', {});
      const list = await t.call('catalog.list', {});
      const literacy = metricNamed(list, '居民健康素养水平');
      await t.call('catalog.decide', { indicatorId: metricNamed(list, '婴儿死亡率').links[0]!.indicatorId, metricId: literacy.id, same: false });
      const rows = t.core.db.prepare('SELECT id, name, unit FROM metrics UNION ALL SELECT id, indicator_id, metric_id FROM metric_links ORDER BY id').all();
      t.close();
      return rows;
    };
    const city = await build('重庆市卫生健康委');
    const district = await build('江北区卫生健康委');
    expect(city).toHaveLength(7);
    expect(district).toEqual(city);
  });
});
