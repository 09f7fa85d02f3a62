import type { EntryFields } from '../../shared/api/progress';
import { addIndicator, localNoon } from '../core/progress-fixture';
import { createTestCore } from '../helpers/core';

/*
 * A district's 2025 work points in the first quarter (today 2025-04-20, so the quarter is judged
 * at 2025-03-31, when a task due at the end of 2025 should be about 25% done):
 *
 * 一、推进健康渝北建设
 *   1 强化疫情防控能力建设   疾控科 30% + 信息统计科 20%        → yellow (信息统计科 a little behind)
 *   2 提升居民健康素养       疾控科 已完成                      → green, 已完成
 *   3 抓好重大疾病防控       疾控科 30%, long text with quotes and a line break → green
 * 二、提升医疗服务水平
 *   4 推进公立医院高质量发展 医政科 滞后                        → red
 *   5 改善医疗服务           医政科, nothing reported           → red, 未填报
 *   6 建设区域医疗中心       医政科, due 2026—2027, not reported → grey
 *   7 保障母婴安全           妇幼科 5%                          → red
 * 三、夯实基层卫生服务网底
 *   8 推进紧密型医共体建设   基层卫生健康科 40% + 医政科 50%    → green
 *   9… (extra tasks for the visual test) 基层卫生健康科 30% with long text → green
 *
 * Indicators (Q1): 孕产妇死亡率 ≤10 at 8.5 (down, met), 婴儿死亡率 ≤3 at 3.6 (down, not met),
 * 居民健康素养水平 ≥38 at 40 (up, met), 重点人群签约服务覆盖率 ≥85 at 60 (up, not met),
 * 普通人群签约服务覆盖率 ≥47 at 46 (up, close), 每千人口执业（助理）医师数 ≥3.2 (no value).
 */

export const PERIOD = '2025-Q1';

/** Long enough to wrap over several lines in the 进展情况 column (about 20 characters a line). */
export const LONG_PROGRESS =
  '加强传染病多渠道监测预警，推进“社会·渝悦·疫智防控”传染病监测系统运用及国家传染病智能监测预警前置软件部署；' +
  '完善机场口岸疾病联防联控机制，协同机场集团、海关等部门开展风险研判、预测预警及疫情处置，一季度共开展联合研判4次，' +
  '处置输入性疫情2起，定期监测城市及入境航空器污水，累计采样312份。';

/** Quotes, a comma and a line break: the CSV must quote it and the workbook must keep the break. */
export const QUOTED_PROGRESS = '全面推进高血压、糖尿病等重点慢性病"分色管理"，\n规范《死亡医学证明》办理，一季度管理患者12,345人。';

const entry = (overrides: Partial<EntryFields>): EntryFields => ({
  status: '推进中',
  percent: 30,
  progressText: '按计划推进。',
  problemsText: '',
  nextStepsText: '',
  ...overrides,
});

export async function reportFixture(options: { extraTasks?: number } = {}) {
  const t = await createTestCore({ now: () => localNoon('2025-04-20') });
  const call = t.call;
  const department = (name: string) => call('departments.create', { name, aliases: [] });
  const cdc = await department('疾控科');
  const info = await department('信息统计科');
  const med = await department('医政科');
  const mch = await department('妇幼科');
  const primary = await department('基层卫生健康科');
  const plan = await call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const health = await call('sections.create', { planId: plan.id, label: '一、', title: '推进健康渝北建设' });
  const care = await call('sections.create', { planId: plan.id, label: '二、', title: '提升医疗服务水平' });
  const base = await call('sections.create', { planId: plan.id, label: '三、', title: '夯实基层卫生服务网底' });
  const units = ['委属各单位', '各镇街'];
  const task = (sectionId: string, number: string, title: string, leads: string[], deadline = '2025年12月底') =>
    call('tasks.create', { planId: plan.id, sectionId, number, title, deadline, leadDepartmentIds: leads, responsibleUnits: units });
  // What goes to a superior is what the office approved: each entry is submitted and approved.
  await call('settings.update', { role: 'reviewer' });
  const save = async (taskId: string, departmentId: string, fields: Partial<EntryFields>) => {
    const saved = await call('progress.save', { period: PERIOD, taskId, departmentId, fields: entry(fields), submit: true });
    return call('progress.review', { id: saved.id, decision: 'approve', comment: '' });
  };

  const epidemic = await task(health.id, '1', '强化疫情防控能力建设', [cdc.id, info.id]);
  const literacy = await task(health.id, '2', '提升居民健康素养', [cdc.id]);
  const chronic = await task(health.id, '3', '抓好重大疾病防控', [cdc.id]);
  const hospital = await task(care.id, '4', '推进公立医院高质量发展', [med.id]);
  const service = await task(care.id, '5', '改善医疗服务', [med.id]);
  const centre = await task(care.id, '6', '建设区域医疗中心', [med.id], '2026—2027年');
  const maternal = await task(care.id, '7', '保障母婴安全', [mch.id]);
  const community = await task(base.id, '8', '推进紧密型医共体建设', [primary.id, med.id]);

  await save(epidemic.id, cdc.id, { percent: 30, progressText: LONG_PROGRESS, problemsText: '基层疾控人员力量不足，监测设备老化。', nextStepsText: '二季度开展应急演练，补充监测设备。' });
  await save(epidemic.id, info.id, { percent: 20, progressText: '完成监测预警前置软件部署方案。', problemsText: '接口标准尚未统一。', nextStepsText: '6月底前完成部署。' });
  await save(literacy.id, cdc.id, { status: '已完成', percent: 100, progressText: '出台全民健康素养提升三年行动方案。' });
  await save(chronic.id, cdc.id, { percent: 30, progressText: QUOTED_PROGRESS });
  await save(hospital.id, med.id, { status: '滞后', percent: 10, progressText: '绩效考核方案仍在征求意见。', problemsText: '部分医院改革意愿不强。' });
  await save(maternal.id, mch.id, { percent: 5, progressText: '开展孕产妇风险筛查。' });
  await save(community.id, primary.id, { percent: 40, progressText: '组建医共体理事会。' });
  await save(community.id, med.id, { percent: 50, progressText: '完成医共体章程审定。' });

  const extra = [];
  for (let i = 0; i < (options.extraTasks ?? 0); i++) {
    const number = String(9 + i);
    const added = await task(base.id, number, `推进基层医疗卫生机构能力提升第${i + 1}批项目建设`, [primary.id]);
    await save(added.id, primary.id, { percent: 30, progressText: `${LONG_PROGRESS}（第${number}项）`, problemsText: '项目资金到位较慢，部分镇街用地手续尚未办结。', nextStepsText: '加快资金拨付，督促镇街完成用地手续。' });
    extra.push(added);
  }

  const indicator = (values: Record<string, unknown>) => addIndicator(t, { plan_id: plan.id, ...values } as Parameters<typeof addIndicator>[1]);
  const mortality = indicator({ name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, baseline_value: 14, baseline_year: 2020, target_year: 2025, value_kind: 'rate', department_id: mch.id, sort_order: 1 });
  const infant = indicator({ name: '婴儿死亡率', unit: '‰', comparator: '<=', target_value: 3, baseline_value: 4, value_kind: 'rate', department_id: mch.id, sort_order: 2 });
  const literacyRate = indicator({ name: '居民健康素养水平', unit: '%', comparator: '>=', target_value: 38, baseline_value: 34.5, value_kind: 'proportion', department_id: cdc.id, sort_order: 3 });
  const keySigning = indicator({ name: '重点人群签约服务覆盖率', unit: '%', comparator: '>=', target_value: 85, value_kind: 'proportion', sort_order: 4 });
  const signing = indicator({ name: '普通人群签约服务覆盖率', unit: '%', comparator: '>=', target_value: 47, value_kind: 'proportion', sort_order: 5 });
  const doctors = indicator({ name: '每千人口执业（助理）医师数', unit: '人', comparator: '>=', target_value: 3.2, value_kind: 'other', sort_order: 6 });
  const setValue = (indicatorId: string, value: number) => call('indicators.setValue', { indicatorId, period: PERIOD, value });
  await setValue(mortality, 8.5);
  await setValue(infant, 3.6);
  await setValue(literacyRate, 40);
  await setValue(keySigning, 60);
  await setValue(signing, 46);

  const tasks = { epidemic, literacy, chronic, hospital, service, centre, maternal, community };
  return { t, call, plan, departments: { cdc, info, med, mch, primary }, sections: { health, care, base }, tasks, extra, indicators: { mortality, infant, literacyRate, keySigning, signing, doctors } };
}

export type ReportFixture = Awaited<ReturnType<typeof reportFixture>>;
