import { describe, expect, it } from 'vitest';
import { findTargets } from '../../shared/parse/targets';
import { extractOwners } from '../../shared/parse/owners';
import { matchNumbering } from '../../shared/parse/numbering';
import { normalizePlanText } from '../../shared/parse/normalize';
import { normalizeWidth } from '../../shared/parse/width';
import { parseDue } from '../../shared/parse/due';
import { parseTableValue } from '../../shared/parse/tables';
import { parsePlan } from '../../shared/parse';

const brief = (text: string) => findTargets(text).map((t) => [t.comparator, t.value, t.valueMax, t.unit]);

describe('target comparators', () => {
  it.each([
    ['居民健康素养水平达34%以上', '>=', 34, '%'],
    ['居民健康素养水平提升至38%', '>=', 38, '%'],
    ['家庭医生签约率达到75%', '>=', 75, '%'],
    ['产前筛查率不低于90%', '>=', 90, '%'],
    ['帮扶企业数不少于20家', '>=', 20, '家'],
    ['艾滋病全人群感染率控制在0.30%以下', '<=', 0.3, '%'],
    ['结核病报告发病率控制在46/10万以下', '<=', 46, '/10万'],
    ['孕产妇死亡率降至10/10万', '<=', 10, '/10万'],
    ['婴儿死亡率不超过3‰', '<=', 3, '‰'],
    ['吸烟率≤22%', '<=', 22, '%'],
    ['接种率≥95%', '>=', 95, '%'],
    ['适龄儿童免疫规划疫苗接种率>95%', '>', 95, '%'],
    ['产业总规模达1000亿元左右', '=', 100000000000, '元'],
    ['新增托位1000个', '>=', 1000, '个'],
    ['救护培训3万人次以上', '>=', 30000, '人次'],
    ['完成团体无偿献血1.4万U', '>=', 14000, 'U'],
  ])('%s', (text, comparator, value, unit) => {
    expect(brief(text)).toEqual([[comparator, value, null, unit]]);
  });

  it('reads ranges with any dash', () => {
    expect(brief('创建市级重点学科（专科）1—3个')).toEqual([['between', 1, 3, '个']]);
    expect(brief('新增学校红十字会3-5个')).toEqual([['between', 3, 5, '个']]);
    expect(brief(normalizeWidth('获批省部级科研项目4～5项'))).toEqual([['between', 4, 5, '项']]);
  });

  it('pairs 分别 lists in order', () => {
    expect(findTargets('孕产妇死亡率、婴儿死亡率分别控制在10/10万、3‰以下').map((t) => [t.metric, t.comparator, t.value, t.unit])).toEqual([
      ['孕产妇死亡率', '<=', 10, '/10万'],
      ['婴儿死亡率', '<=', 3, '‰'],
    ]);
    expect(findTargets('精品中医馆、示范中医馆达标率分别不低于35%、15%').map((t) => [t.comparator, t.value])).toEqual([
      ['>=', 35],
      ['>=', 15],
    ]);
  });

  it('gives each listed rate the shared value', () => {
    expect(findTargets('确保监测对象入户核实率、大病救治率、家庭医生签约率达100%').map((t) => t.metric)).toEqual(['监测对象入户核实率', '大病救治率', '家庭医生签约率']);
  });

  it('names the metric after the number when the words before it name nothing', () => {
    expect(findTargets('建设1+1+1平台（即1个托育服务管理中心、1个托育服务示范中心和1个人才培训中心）').map((t) => t.metric)).toEqual([
      '托育服务管理中心',
      '托育服务示范中心',
      '人才培训中心',
    ]);
    expect(findTargets('打造1个市级中医优势专科')[0]!.metric).toBe('市级中医优势专科');
    expect(findTargets('二级及以上综合性医院100%设立老年医学科')[0]!.metric).toBe('二级及以上综合性医院设立老年医学科');
  });

  it('reads 保持零死亡 as = 0', () => {
    expect(brief('重大食物中毒事件保持零死亡')).toEqual([['=', 0, null, '']]);
  });

  it('takes a year stated in the sentence', () => {
    expect(findTargets('到2027年，设立至少2所护理院')[0]).toMatchObject({ targetYear: 2027, comparator: '>=', value: 2, unit: '所' });
  });
});

describe('things that are not targets', () => {
  it.each([
    ['做实65岁及以上老年人健康管理', 'an age qualifier'],
    ['巩固第一批12个示范区创建成果', 'an existing count'],
    ['在现有38个区级医疗质量控制中心的基础上持续优化', 'an existing count'],
    ['按照渝北卫健〔2025〕54号文件要求', 'a document number'],
    ['咨询电话023-12345678', 'a phone number'],
    ['2025年3月8日印发', 'a date'],
    ['出台《全民健康素养提升三年行动方案（2024—2027年）》', 'years in a title'],
    ['推动10人及以上的用人单位申报', 'a size qualifier'],
    ['艾滋病患者全人群感染率接近0.2%', 'a current figure'],
    ['打造15分钟居民健康服务圈', 'the name of a concept'],
  ])('%s (%s)', (text) => {
    expect(findTargets(text)).toEqual([]);
  });
});

describe('owners', () => {
  it('splits lead departments and responsible units, not inside brackets', () => {
    const owners = extractOwners('任务正文。（牵头科室：办公室（安稳办）、疾控科，责任单位：各县（市、区）政府、委属各单位）');
    expect(owners.leadDepartments).toEqual(['办公室（安稳办）', '疾控科']);
    expect(owners.responsibleUnits).toEqual(['各县（市、区）政府', '委属各单位']);
  });

  it('accepts ； between the parts and 责任科室 / 责任处室 / 牵头单位', () => {
    expect(extractOwners('（责任科室：医政科；责任单位：区人民医院）')).toMatchObject({ leadDepartments: ['医政科'], responsibleUnits: ['区人民医院'] });
    expect(extractOwners('（责任处室：妇幼处）').leadDepartments).toEqual(['妇幼处']);
    expect(extractOwners('（牵头单位：区卫生健康委，配合单位：区医保局、区财政局）')).toMatchObject({ leadDepartments: ['区卫生健康委'], responsibleUnits: ['区医保局', '区财政局'] });
  });

  it('reads "X负责", "X牵头，Y参与" and a closing "由X负责"', () => {
    expect(extractOwners('（疾控科负责）').leadDepartments).toEqual(['疾控科']);
    expect(extractOwners('（医政科牵头，各医疗机构参与）')).toMatchObject({ leadDepartments: ['医政科'], responsibleUnits: ['各医疗机构'] });
    expect(extractOwners('推进健康村镇建设。由基层科负责。').leadDepartments).toEqual(['基层科']);
  });

  it('ignores brackets that name no owner', () => {
    expect(extractOwners('出台《方案（2024—2027年）》').leadDepartments).toEqual([]);
  });
});

describe('numbering and normalisation', () => {
  it.each([
    ['一、坚持医防协同', 'cn', '一'],
    ['（三）强化内涵', 'paren-cn', '三'],
    ['12.提升医疗服务水平', 'arabic', '12'],
    ['3、加强监测', 'arabic', '3'],
    ['（2）加强食品安全', 'paren-arabic', '2'],
    ['②完善机制', 'circled', '2'],
    ['第四部分', 'part', '四'],
  ])('%s', (text, style, number) => {
    expect(matchNumbering(text)).toMatchObject({ style, number });
  });

  it('does not take decimals or years for item numbers', () => {
    expect(matchNumbering('1.5%的增长')).toBeNull();
    expect(matchNumbering('2025年是收官之年')).toBeNull();
  });

  it('converts full-width digits and punctuation', () => {
    expect(normalizeWidth('１２．到２０２７年达到９５％')).toBe('12.到2027年达到95%');
    expect(normalizeWidth('(牵头科室:疾控科)')).toBe('（牵头科室：疾控科）');
  });

  it('drops page numbers and spaces inside Chinese, and joins lines wrapped at the margin', () => {
    const width = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八';
    const lines = [
      `1.强化能力建设。${width}`,
      `${width}${width.slice(0, 6)}`,
      '— 2 —',
      `，在 2025 年底前${width}`,
      `${width}${width.slice(0, 6)}`,
      `${width}${width.slice(0, 6)}`,
      `${width}${width.slice(0, 6)}`,
      `${width}${width.slice(0, 6)}`,
      `${width}${width.slice(0, 6)}`,
      `${width}${width.slice(0, 6)}`,
      '完成。',
      '2.第二项。',
    ];
    const { paragraphs } = normalizePlanText(lines.join('\n'));
    expect(paragraphs.map((p) => p.text.slice(0, 9))).toEqual(['1.强化能力建设。', '2.第二项。']);
    expect(paragraphs[0]!.text).toContain('在2025年底前');
    expect(paragraphs[0]!.text).not.toContain('— 2 —');
  });
});

describe('deadlines', () => {
  it.each([
    ['2025年6月底前', { date: '2025-06-30', fromYear: null, toYear: 2025 }],
    ['2025年12月31日', { date: '2025-12-31', fromYear: null, toYear: 2025 }],
    ['2021-2025年', { date: null, fromYear: 2021, toYear: 2025 }],
    ['2026年第二季度', { date: '2026-06-30', fromYear: null, toYear: 2026 }],
    ['2027年', { date: '2027-12-31', fromYear: null, toYear: 2027 }],
  ])('%s', (text, due) => {
    expect(parseDue(text)).toEqual(due);
  });

  it('has no date for 长期坚持', () => {
    expect(parseDue('长期坚持')).toBeNull();
  });
});

describe('indicator table cells', () => {
  it.each([
    ['≤10', { comparator: '<=', value: 10, valueMax: null }],
    ['≥95', { comparator: '>=', value: 95, valueMax: null }],
    ['81', { comparator: null, value: 81, valueMax: null }],
    ['5%-6.7%', { comparator: 'between', value: 5, valueMax: 6.7 }],
  ])('%s', (cell, expected) => {
    expect(parseTableValue(cell)).toEqual(expected);
  });

  it('treats "-" as no value', () => {
    expect(parseTableValue('-')).toBeNull();
  });
});

describe('whole documents', () => {
  it('restarts numbering per section, keeps skipped numbers and warns about them', () => {
    const result = parsePlan({
      text: ['一、公共卫生', '1.抓好传染病防控。做好监测。（疾控科负责）', '2.提升健康素养。居民健康素养水平达35%。（健康促进科负责）', '二、医疗服务', '1.提升急救能力。建成胸痛中心1个。（医政科负责）', '3.改善服务。开展满意度调查。（医政科负责）'].join('\n'),
    });
    expect(result.tasks.map((t) => [t.number, t.sectionKey, t.leadDepartments[0]])).toEqual([
      ['1', 's1', '疾控科'],
      ['2', 's1', '健康促进科'],
      ['1', 's2', '医政科'],
      ['3', 's2', '医政科'],
    ]);
    expect(result.warnings.map((w) => w.code)).toContain('SKIPPED_NUMBER');
    expect(result.targets.map((t) => [t.taskKey, t.value])).toEqual([
      ['t2', 35],
      ['t3', 1],
    ]);
  });

  it('says so when nothing plan-like is found', () => {
    expect(parsePlan({ text: '今天天气很好。' }).warnings.map((w) => w.code)).toContain('NO_TASKS');
  });
});
