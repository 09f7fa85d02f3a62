import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { PaceAnswer, ReportModel, ReportTask } from '../../shared/api/reports';
import { lightColors, taskStatuses } from '../../shared/domain/progress-status';
import { ledgerColumns } from '../../shared/reports/columns';
import { ledgerWorkbook } from '../../electron/reports/xlsx-ledger';
import { median, type BenchFigure } from './format';

/*
 * xlsx-20k-vs-raw: the formatted 台账 of 20,000 tasks (fonts, borders, coloured lights, merged
 * section rows, row heights, print setup) against exceljs writing the same cell values into a
 * plain sheet with no formatting. The model is synthetic: the bench times the writer, not SQL.
 */

const TASKS = 20_000;
const ROUNDS = 5;
const DEPARTMENTS = ['疾控科', '医政科', '妇幼科', '基层卫生健康科', '信息统计科', '公卫科（爱卫办）', '规划财务科', '办公室（安稳办）'];
const PROGRESS =
  '加强传染病多渠道监测预警，推进传染病监测系统运用及国家传染病智能监测预警前置软件部署；完善机场口岸疾病联防联控机制，协同机场集团、海关等部门开展风险研判、预测预警及疫情处置，一季度共开展联合研判4次。';

function syntheticModel(): ReportModel {
  const tasks: ReportTask[] = [];
  for (let i = 0; i < TASKS; i++) {
    const section = Math.floor(i / 250);
    const leads = i % 7 === 0 ? [DEPARTMENTS[i % 8]!, DEPARTMENTS[(i + 3) % 8]!] : [DEPARTMENTS[i % 8]!];
    const color = lightColors[i % 4]!;
    const pace: PaceAnswer = color === 'green' ? '是' : color === 'grey' ? '未填报' : '否';
    const state = pace === '是' ? '按序时推进' : pace === '否' ? '滞后' : '未填报';
    tasks.push({
      taskId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      planId: i < TASKS / 2 ? '00000000-0000-4000-8000-100000000001' : '00000000-0000-4000-8000-100000000002',
      planTitle: i < TASKS / 2 ? '渝北区卫生健康委2025年工作要点' : '健康渝北行动实施方案',
      sectionId: `00000000-0000-4000-8000-2000000${String(section).padStart(5, '0')}`,
      sectionTitle: `推进第${section + 1}部分重点工作`,
      sectionLabel: `${section + 1}.`,
      number: String(i + 1),
      title: `强化疫情防控能力建设第${i + 1}项`,
      departments: leads,
      units: ['委属各单位', '各镇街'],
      deadline: '2025年12月底',
      status: taskStatuses[i % 3]!,
      light: { color, reason: '' },
      percent: (i * 7) % 100,
      overdue: false,
      pace,
      state,
      partial: false,
      missing: [],
      late: [],
      returned: [],
      awaitingReview: [],
      entries: leads.map((departmentName, k) => ({
        departmentName,
        report: state === '未填报' ? 'missing' : 'reported',
        awaitingReview: false,
        late: false,
        state,
        light: { color, reason: '' },
        status: '推进中',
        percent: 30,
        progress: k === 0 ? `${PROGRESS}（${i}）` : '完成监测预警前置软件部署方案。',
        problems: i % 3 === 0 ? '基层疾控人员力量不足，监测设备老化。' : '',
        nextSteps: '二季度开展应急演练，补充监测设备。',
        workflowState: 'approved',
      })),
    });
  }
  return {
    kind: 'ledger',
    officeName: '渝北区卫生健康委',
    period: '2025-Q1',
    periodLabel: '2025年第一季度',
    quarterLabel: '第一季度',
    asOf: '2025-03-31',
    generatedAt: '2025-04-20T04:00:00.000Z',
    scopeLabel: '全区',
    departmentName: null,
    plans: [
      { id: '00000000-0000-4000-8000-100000000001', title: '渝北区卫生健康委2025年工作要点' },
      { id: '00000000-0000-4000-8000-100000000002', title: '健康渝北行动实施方案' },
    ],
    tasks,
    includeSubmitted: false,
    counts: { total: TASKS, done: 0, onPace: 0, behind: 0, notReported: 0, partial: 0, late: 0, awaitingReview: 0, returned: 0, red: 0, yellow: 0, overdue: 0 },
    indicators: [],
    indicatorCounts: { total: 0, met: 0, close: 0, notMet: 0, noData: 0 },
    reminders: [],
  };
}

/**
 * The least work the same cells need: title, header, plan and section rows and every task's
 * values, unformatted, written cell by cell (exceljs's addRow is about twice as slow, so it would
 * flatter the ratio), empty cells left out and the style table switched off (otherwise exceljs
 * files every unstyled cell's empty style one by one).
 */
async function rawWorkbook(model: ReportModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('重点工作台账');
  let next = 1;
  const put = (values: readonly (string | number | null)[]) => {
    const row = sheet.getRow(next++);
    values.forEach((value, i) => {
      if (value !== null && value !== '') row.getCell(i + 1).value = value;
    });
  };
  put(['渝北区卫生健康委重点工作台账（2025年第一季度）']);
  put(['范围：全区', '生成日期：2025年4月20日']);
  put(ledgerColumns.map((c) => c.header));
  let plan: string | null = null;
  let section: string | null = null;
  for (const task of model.tasks) {
    if (task.planId !== plan) {
      plan = task.planId;
      put([task.planTitle]);
    }
    if (task.sectionId !== section) {
      section = task.sectionId;
      put([`${task.sectionLabel}${task.sectionTitle}`]);
    }
    put(ledgerColumns.map((c) => c.value(task)));
  }
  put(['合计']);
  return new Uint8Array((await workbook.xlsx.writeBuffer({ useStyles: false })) as ArrayBuffer);
}

async function time(run: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const bytes = await run();
  return { ms: performance.now() - start, bytes: bytes.length };
}

export async function benchXlsxVsRaw(): Promise<BenchFigure[]> {
  const model = syntheticModel();
  const formatted: number[] = [];
  const raw: number[] = [];
  let sizes = { formatted: 0, raw: 0 };
  // The first round warms both paths (module load, JIT) and is not counted; the order alternates so neither pays the other's garbage.
  for (let round = -1; round < ROUNDS; round++) {
    const formattedFirst = round % 2 === 0;
    const first = await time(() => (formattedFirst ? ledgerWorkbook(model, { sheetPerDepartment: false }) : rawWorkbook(model)));
    const second = await time(() => (formattedFirst ? rawWorkbook(model) : ledgerWorkbook(model, { sheetPerDepartment: false })));
    const [a, b] = formattedFirst ? [first, second] : [second, first];
    if (round < 0) continue;
    formatted.push(a.ms);
    raw.push(b.ms);
    sizes = { formatted: a.bytes, raw: b.bytes };
  }
  const [f, r] = [median(formatted), median(raw)];
  console.log(`  xlsx: ${TASKS} tasks, formatted ${f.toFixed(0)} ms (${(sizes.formatted / 1e6).toFixed(1)} MB) vs raw ${r.toFixed(0)} ms (${(sizes.raw / 1e6).toFixed(1)} MB)`);
  return [{ name: 'xlsx-20k-vs-raw', value: f / r, goal: '<=1.5' }];
}
