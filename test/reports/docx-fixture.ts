import type { EntryFields } from '../../shared/api/progress';
import { addIndicator, localNoon } from '../core/progress-fixture';
import { createTestCore, type TestCore } from '../helpers/core';

/*
 * A district office's 2025 work points for the Word 情况报告, on 2025-04-20 reporting 2025-Q1
 * (the reporting deadline, ten days after the quarter, has passed: a lead that has not reported is
 * 逾期未报). Every task is due at the end of 2025, so by 31 March the 序时 share is 90/365 = 24.7%.
 * Entries are approved by the office unless said otherwise; only approved entries count by default.
 * The fixture keeps every task far from the borders, so the states can be counted in plain SQL
 * without the light rules, judged on the counted (approved) entries:
 * - done: every counted entry 已完成 or 已办结 (1, 6, 11);
 * - on pace: no counted entry 滞后 or under 20%, not all done (3, 7, 9, 10, 14);
 * - behind: a counted entry 滞后 or under 20% and not done (2: 40% and 5%, 5: 18%, 8: 滞后);
 * - not reported: no counted entry (4 and 12 nobody wrote; 13 is only submitted, 15 was returned).
 * 部分科室未报: 9 (妇幼科's entry was returned) and 14 (公卫科 never reported).
 * Indicators (no baselines, so "close" is within 5% of the target): 健康素养 39 ≥ 38 met,
 * 孕产妇死亡率 8 ≤ 10 met, 婴儿死亡率 3.1 vs ≤ 3 close, 签约覆盖率 60 vs ≥ 85 not met,
 * 救护培训 no value.
 */

export const PERIOD = '2025-Q1';
export const TODAY = '2025-04-20';

const entry = (overrides: Partial<EntryFields>): EntryFields => ({
  status: '推进中',
  percent: 40,
  progressText: '',
  problemsText: '',
  nextStepsText: '',
  ...overrides,
});

export interface SummaryFixture {
  t: TestCore;
  taskTitles: string[];
  departments: Record<'cdc' | 'mch' | 'med' | 'pub', string>;
}

export async function summaryFixture(options: { file?: string } = {}): Promise<SummaryFixture> {
  const now = localNoon(TODAY);
  const t = await createTestCore({ now: () => now, ...(options.file ? { file: options.file } : {}) });
  const call = t.call;
  const cdc = (await call('departments.create', { name: '疾控科', aliases: [] })).id;
  const mch = (await call('departments.create', { name: '妇幼科', aliases: [] })).id;
  const med = (await call('departments.create', { name: '医政科', aliases: [] })).id;
  const pub = (await call('departments.create', { name: '公卫科', aliases: [] })).id;
  // The office PC approves and returns entries.
  await call('settings.update', { role: 'reviewer' });
  const plan = await call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const sections = [
    await call('sections.create', { planId: plan.id, label: '一、', title: '推进健康渝北建设' }),
    await call('sections.create', { planId: plan.id, label: '二、', title: '深化医药卫生体制改革' }),
    await call('sections.create', { planId: plan.id, label: '三、', title: '提升基层服务能力' }),
  ];
  const taskTitles: string[] = [];
  const task = async (section: number, number: string, title: string, leads: string[]) => {
    taskTitles.push(title);
    return (await call('tasks.create', { planId: plan.id, sectionId: sections[section]!.id, number, title, deadline: '2025年12月底', leadDepartmentIds: leads })).id;
  };
  /** Submitted, then approved by the office unless `review` says otherwise. */
  const report = async (taskId: string, departmentId: string, fields: Partial<EntryFields>, review: 'approve' | 'return' | 'none' = 'approve') => {
    const saved = await call('progress.save', { taskId, departmentId, period: PERIOD, fields: entry(fields), submit: true });
    if (review === 'approve') await call('progress.review', { id: saved.id, decision: 'approve', comment: '' });
    if (review === 'return') await call('progress.review', { id: saved.id, decision: 'return', comment: '请补充资金到位情况' });
  };

  const literacy = await task(0, '1', '提升居民健康素养', [cdc]);
  await report(literacy, cdc, { status: '已完成', percent: 100, progressText: '出台全民健康素养提升三年行动方案，开展健康之声直播12场。', nextStepsText: '巩固健康素养监测成果' });
  const chronic = await task(0, '2', '推进慢病防控', [cdc, med]);
  await report(chronic, cdc, { percent: 40, progressText: '完成高血压、糖尿病患者分色管理摸底。', problemsText: '基层随访人员不足。', nextStepsText: '下季度完成慢病患者随访全覆盖。' });
  await report(chronic, med, { percent: 5, progressText: '慢病管理中心选址尚在论证。', problemsText: '建设资金未到位', nextStepsText: '协调落实建设资金' });
  const maternal = await task(0, '3', '保障母婴安全', [mch]);
  await report(maternal, mch, { percent: 35, progressText: '开展孕产妇风险筛查2360人次。\n高危孕产妇专案管理率100%。', nextStepsText: '开展产科急救演练' });
  await task(0, '4', '加强精神卫生服务', [pub]);
  const patriotic = await task(0, '5', '深化爱国卫生运动', [pub]);
  await report(patriotic, pub, { percent: 18, progressText: '启动春季爱国卫生运动，清理卫生死角。', problemsText: '镇街参与不均衡', nextStepsText: '开展病媒生物防制' });
  const alliance = await task(1, '6', '推进紧密型县域医共体建设', [med]);
  await report(alliance, med, { status: '已办结', percent: 100, progressText: '3个医共体全部完成章程修订和理事会组建。' });
  const tiered = await task(1, '7', '完善分级诊疗制度', [med]);
  await report(tiered, med, { percent: 50, progressText: '基层首诊率较去年同期提高2个百分点。', problemsText: '无', nextStepsText: '扩大双向转诊病种范围' });
  const hospitals = await task(1, '8', '推进公立医院高质量发展', [med]);
  await report(hospitals, med, { status: '滞后', percent: 10, progressText: '区人民医院绩效考核方案已起草。', problemsText: '绩效考核方案未通过审议', nextStepsText: '修改完善绩效考核方案' });
  const insurance = await task(1, '9', '加强医保支付方式改革协同', [med, mch]);
  await report(insurance, med, { percent: 30, progressText: '参与DRG付费改革数据核对。' });
  await report(insurance, mch, { percent: 45, progressText: '妇幼专科病种纳入按病种付费目录（退回前）。' }, 'return');
  const contract = await task(2, '10', '推进家庭医生签约服务。完善家庭医生团队网格化服务机制，重点人群签约服务覆盖率提升至85%。', [pub]);
  await report(contract, pub, { percent: 60, progressText: '组建家庭医生团队186个，重点人群签约率60%。', problemsText: '签约后履约服务质量不高', nextStepsText: '开展履约服务质量评估' });
  const smart = await task(2, '11', '建设智慧医疗服务体系', [cdc, med]);
  await report(smart, cdc, { status: '已完成', percent: 100, progressText: '传染病智能监测预警前置软件完成部署。' });
  await report(smart, med, { status: '已完成', percent: 100, progressText: '全区二级以上医院实现检查检验结果互认。' });
  await task(2, '12', '加强基层卫生人才队伍建设', [pub]);
  const checkups = await task(2, '13', '开展健康体检进社区', [mch]);
  await report(checkups, mch, { percent: 40, progressText: '完成4个社区健康体检，服务居民3200人次。', nextStepsText: '开展产科急救演练' }, 'none');
  const emergency = await task(2, '14', '加强卫生应急能力建设', [cdc, med, pub]);
  await report(emergency, cdc, { percent: 35, progressText: '修订突发公共卫生事件应急预案。', problemsText: '暂无', nextStepsText: '开展应急演练' });
  await report(emergency, med, { percent: 30, progressText: '组建区级紧急医学救援队伍2支。', problemsText: '无。' });
  const nursing = await task(2, '15', '推进医养结合', [pub]);
  await report(nursing, pub, { percent: 30, progressText: '医养结合机构摸底排查完成（退回前）。' }, 'return');

  const indicator = (values: Parameters<typeof addIndicator>[1]) => addIndicator(t, values);
  const literacyRate = indicator({ plan_id: plan.id, name: '居民健康素养水平', unit: '%', comparator: '>=', target_value: 38, value_kind: 'proportion', sort_order: 1 });
  const maternalDeaths = indicator({ plan_id: plan.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, value_kind: 'rate', sort_order: 2 });
  const infantDeaths = indicator({ plan_id: plan.id, name: '婴儿死亡率', unit: '‰', comparator: '<=', target_value: 3, value_kind: 'rate', sort_order: 3 });
  const coverage = indicator({ plan_id: plan.id, name: '重点人群签约服务覆盖率', unit: '%', comparator: '>=', target_value: 85, value_kind: 'proportion', sort_order: 4 });
  indicator({ plan_id: plan.id, name: '救护培训人次', unit: '人次', comparator: '>=', target_value: 30000, value_kind: 'count', sort_order: 5 });
  await call('indicators.setValue', { indicatorId: literacyRate, period: PERIOD, value: 39 });
  await call('indicators.setValue', { indicatorId: maternalDeaths, period: PERIOD, value: 8 });
  await call('indicators.setValue', { indicatorId: infantDeaths, period: PERIOD, value: 3.1 });
  await call('indicators.setValue', { indicatorId: coverage, period: PERIOD, value: 60 });
  return { t, taskTitles, departments: { cdc, mch, med, pub } };
}
