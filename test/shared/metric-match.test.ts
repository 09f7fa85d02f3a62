import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dice,
  displayName,
  formKey,
  indexMetrics,
  matchIndicator,
  normalForm,
  normaliseName,
  normaliseUnit,
  similarity,
  UNCERTAIN_THRESHOLD,
  unitInName,
  type CatalogMetric,
} from '../../shared/domain/metric-match';

describe('normalising names', () => {
  it.each([
    ['全区居民健康素养水平', '居民健康素养水平'],
    ['居民健康素养水平（%）', '居民健康素养水平'],
    ['城乡居民健康素养水平', '居民健康素养水平'],
    ['我区居民健康素养水平达到34%', '居民健康素养水平'],
    ['2025年全区城乡居民健康素养水平达到 30% 以上', '居民健康素养水平'],
    ['居民 健康 素养 水平', '居民健康素养水平'],
    ['孕产妇死亡率（1/10万）', '孕产妇死亡率'],
    ['全区孕产妇死亡率控制在10/10万以下', '孕产妇死亡率'],
    ['婴儿死亡率(‰)', '婴儿死亡率'],
    ['婴儿死亡率不高于3‰', '婴儿死亡率'],
    ['每千人口拥有3岁以下婴幼儿托位数（个）', '每千人口拥有3岁以下婴幼儿托位数'],
    ['全市人均预期寿命（岁）（预期性）', '人均预期寿命'],
    ['二级以上公立医院（含中医院）数量', '二级以上公立医院含中医院数量'],
  ])('%s → %s', (raw, normal) => {
    expect(normaliseName(raw)).toBe(normal);
  });

  it('does not eat words that start with 区 or a name that ends in a bare number', () => {
    expect(normaliseName('区域医疗中心数量')).toBe('区域医疗中心数量');
    expect(normaliseName('区级医院床位数')).toBe('区级医院床位数');
    expect(normaliseName('PM2.5')).toBe('pm25');
  });

  it('treats full-width and half-width letters, digits and signs alike', () => {
    expect(normaliseName('ＰＭ２．５年均浓度')).toBe(normaliseName('PM2.5年均浓度'));
    expect(normaliseName('居民健康素养水平（％）')).toBe('居民健康素养水平');
  });

  it('gives a clerk-readable display name', () => {
    expect(displayName('全区居民健康素养水平（%）')).toBe('居民健康素养水平');
    expect(displayName('2025年城乡居民健康素养水平达到34%')).toBe('居民健康素养水平');
    expect(displayName('二级以上公立医院(含中医院)数量')).toBe('二级以上公立医院（含中医院）数量');
  });
});

describe('normalising units', () => {
  it.each([
    ['%', '%'],
    ['％', '%'],
    [' % ', '%'],
    ['（%）', '%'],
    ['百分比', '%'],
    ['‰', '‰'],
    ['千分之', '‰'],
    ['/10万', '/10万'],
    ['1/10万', '/10万'],
    ['1/10万人', '/10万'],
    ['每10万人口', '/10万'],
    ['人次', '人次'],
    ['个', '个'],
    ['万元', '万元'],
    ['', ''],
  ])('%s → %s', (raw, unit) => {
    expect(normaliseUnit(raw)).toBe(unit);
  });

  it('reads a unit from the name when the unit column is empty', () => {
    expect(unitInName('居民健康素养水平（%）')).toBe('%');
    expect(unitInName('孕产妇死亡率（1/10万）')).toBe('/10万');
    expect(unitInName('二级以上公立医院（含中医院）')).toBe('');
    expect(normalForm({ name: '居民健康素养水平（％）', unit: '' })).toEqual({ name: '居民健康素养水平', unit: '%' });
    // The unit column wins over the bracket.
    expect(normalForm({ name: '托位数（个）', unit: '张' }).unit).toBe('张');
  });
});

describe('similarity', () => {
  const form = (name: string, unit: string) => normalForm({ name, unit });

  it('is bigram Dice on normalised names', () => {
    // 婴儿 儿死 死亡 亡率 vs 新生 生儿 儿死 死亡 亡率: 3 shared of 4 + 5.
    expect(dice('婴儿死亡率', '新生儿死亡率')).toBeCloseTo(6 / 9, 10);
    expect(similarity(form('婴儿死亡率', '‰'), form('新生儿死亡率', '‰'))).toBeCloseTo(6 / 9, 10);
    expect(dice('', '')).toBe(0);
  });

  it('adds a bonus when one name contains the other, below certainty', () => {
    const plain = dice('健康素养水平', '居民健康素养水平');
    const score = similarity(form('健康素养水平', '%'), form('居民健康素养水平', '%'));
    expect(score).toBeCloseTo(Math.min(0.99, plain + 0.15), 10);
    expect(score).toBeLessThan(1);
  });

  it('is zero when units disagree; a missing unit agrees with any', () => {
    expect(similarity(form('孕产妇死亡率', '/10万'), form('孕产妇死亡率', '‰'))).toBe(0);
    expect(similarity(form('孕产妇死亡率', ''), form('孕产妇死亡率', '/10万'))).toBe(1);
  });

  it('keeps unrelated indicators well below the threshold', () => {
    expect(similarity(form('婴儿死亡率', '‰'), form('5岁以下儿童死亡率', '‰'))).toBeLessThan(UNCERTAIN_THRESHOLD);
    expect(similarity(form('新增托位', '个'), form('每千人口拥有3岁以下婴幼儿托位数', '个'))).toBeLessThan(UNCERTAIN_THRESHOLD);
  });

  const chinese = fc.string({ unit: fc.constantFrom(...'居民健康素养水平孕产妇婴儿死亡率托位数救护培训医院床'.split('')), minLength: 1, maxLength: 12 });
  const units = fc.constantFrom('%', '‰', '/10万', '个', '人次', '');

  it('is symmetric, within 0–1, and 1 for the same name', () => {
    fc.assert(
      fc.property(chinese, chinese, units, units, (a, b, ua, ub) => {
        const x = form(a, ua);
        const y = form(b, ub);
        const s = similarity(x, y);
        expect(s).toBe(similarity(y, x));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (x.name !== '' && x.name === y.name && (ua === ub || !ua || !ub)) expect(s).toBe(1);
        if (s === 1) expect(x.name).toBe(y.name);
      }),
    );
  });

  it('normalisation is idempotent and ignores width, spaces, unit brackets and locality prefixes', () => {
    const toFullWidth = (text: string) => text.replace(/[0-9A-Za-z%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(chinese, fc.constantFrom('', '全区', '我区', '全市', '城乡', '全区城乡'), fc.constantFrom('', '（%）', '(‰)', '（个）', '（2025年）'), (name, prefix, bracket) => {
        const base = normaliseName(name);
        expect(normaliseName(base)).toBe(base);
        const decorated = `${prefix}${Array.from(name).join(' ')}${bracket}`;
        if (base.length >= 2 && !/^(区|城乡)/.test(name)) expect(normaliseName(toFullWidth(decorated))).toBe(base);
      }),
    );
  });
});

describe('matching an indicator to the catalog', () => {
  const metrics: CatalogMetric[] = [
    { id: 'literacy', name: '居民健康素养水平', unit: '%', aliases: ['健康素养普及率'] },
    { id: 'maternal', name: '孕产妇死亡率', unit: '/10万', aliases: [] },
    { id: 'infant', name: '婴儿死亡率', unit: '‰', aliases: [] },
  ];
  const index = indexMetrics(metrics);

  it('links the same normalised name and unit as exact', () => {
    expect(matchIndicator({ name: '全区居民健康素养水平', unit: '％' }, index)).toEqual({ kind: 'linked', metricId: 'literacy', how: 'exact' });
    expect(matchIndicator({ name: '孕产妇死亡率（1/10万）', unit: '' }, index)).toEqual({ kind: 'linked', metricId: 'maternal', how: 'exact' });
  });

  it('links a metric alias as alias, even without a unit', () => {
    expect(matchIndicator({ name: '全区健康素养普及率', unit: '%' }, index)).toEqual({ kind: 'linked', metricId: 'literacy', how: 'alias' });
    expect(matchIndicator({ name: '健康素养普及率', unit: '' }, index)).toEqual({ kind: 'linked', metricId: 'literacy', how: 'alias' });
    expect(matchIndicator({ name: '健康素养普及率', unit: '‰' }, index).kind).not.toBe('linked');
  });

  it('proposes similar names as pending, best first, and leaves the rest unmatched', () => {
    const pending = matchIndicator({ name: '新生儿死亡率', unit: '‰' }, index);
    expect(pending).toEqual({ kind: 'pending', candidates: [{ metricId: 'infant', score: 0.67 }] });
    const literacy = matchIndicator({ name: '居民健康素养', unit: '%' }, index);
    expect(literacy.kind === 'pending' && literacy.candidates[0]!.metricId).toBe('literacy');
    expect(matchIndicator({ name: '每千人口执业医师数', unit: '人' }, index)).toEqual({ kind: 'unmatched' });
    // Same name, wrong unit: never linked, never proposed.
    expect(matchIndicator({ name: '孕产妇死亡率', unit: '‰' }, index)).toEqual({ kind: 'unmatched' });
  });

  it('follows the clerk: a confirmation links, a rejection is never proposed again, even for an exact name', () => {
    expect(matchIndicator({ name: '新生儿死亡率', unit: '‰' }, index, new Map([['infant', true]]))).toEqual({ kind: 'linked', metricId: 'infant', how: 'confirmed' });
    expect(matchIndicator({ name: '新生儿死亡率', unit: '‰' }, index, new Map([['infant', false]]))).toEqual({ kind: 'unmatched' });
    expect(matchIndicator({ name: '婴儿死亡率', unit: '‰' }, index, new Map([['infant', false]]))).toEqual({ kind: 'unmatched' });
    // A decision about a metric that no longer exists changes nothing.
    expect(matchIndicator({ name: '婴儿死亡率', unit: '‰' }, index, new Map([['gone', true]]))).toEqual({ kind: 'linked', metricId: 'infant', how: 'exact' });
  });

  it('certain matches are exactly the equal keys', () => {
    fc.assert(
      fc.property(fc.constantFrom('居民健康素养水平', '全区居民健康素养水平', '婴儿死亡率', '孕产妇死亡率（1/10万）', '新生儿死亡率', '健康素养'), fc.constantFrom('%', '‰', '/10万', '1/10万', ''), (name, unit) => {
        const outcome = matchIndicator({ name, unit }, index);
        const key = formKey(normalForm({ name, unit }));
        const exact = metrics.find((m) => formKey(normalForm(m)) === key);
        if (exact) expect(outcome).toEqual({ kind: 'linked', metricId: exact.id, how: 'exact' });
        else expect(outcome.kind === 'linked' && outcome.how === 'exact').toBe(false);
      }),
    );
  });
});
