import { z } from 'zod';
import { defineCall } from './define';
import { idArgs, requiredText, uuid } from './common';
import { ledgerFilter, ledgerStatuses } from './ledger';
import { light, periodText } from './progress';
import { workflowStates } from '../domain/progress-status';
import { isReportDate, REPORT_DATE_ERROR } from '../domain/report-date';
import { leadReportKinds, quarterStates } from '../domain/quarter-state';
import { quarterCounts } from './quarter-counts';

/*
 * 报表: the quarter's 台账 (Excel, CSV), 指标完成情况表, 催办清单, the Word 情况报告, the print view
 * behind PDF, and superiors' own Excel forms filled from our fields. Every report is built from
 * one model (report.model) so the file, the print view and the tests read the same numbers.
 */

export const reportKinds = ['ledger', 'indicators', 'summary', 'reminders'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportKindLabels: Record<ReportKind, string> = {
  ledger: '重点工作台账',
  indicators: '指标完成情况表',
  summary: '重点工作推进情况报告',
  reminders: '催办清单',
};

export const reportFormats = ['xlsx', 'docx', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const reportFormatLabels: Record<ReportFormat, string> = { xlsx: 'Excel', docx: 'Word', csv: 'CSV' };

/** Which formats each report comes in (PDF of ledger and summary comes from the print view). */
export const formatsOfKind: Record<ReportKind, readonly ReportFormat[]> = {
  ledger: ['xlsx', 'csv'],
  indicators: ['xlsx', 'csv'],
  summary: ['docx'],
  reminders: ['xlsx', 'csv', 'docx'],
};

/** The report's scope: the ledger's own filter (period, office, plans, departments, sections, chips). */
export const reportScope = ledgerFilter;

export const reportKind = z.enum(reportKinds, { error: `报表类型应为：${reportKinds.join('、')}` });
export const reportFormat = z.enum(reportFormats, { error: `报表格式应为：${reportFormats.join('、')}` });

/** The report's date (落款 of the Word reports and the print view), YYYY-MM-DD; today when left out. */
export const reportDate = z.string({ error: REPORT_DATE_ERROR }).refine(isReportDate, { error: REPORT_DATE_ERROR });

export const buildReportArgs = z
  .object({
    kind: reportKind,
    format: reportFormat,
    scope: reportScope,
    /** 台账: one sheet per lead department after the full sheet. */
    sheetPerDepartment: z.boolean().default(false),
    /** Also write the file into the reports folder (the UI then offers 打开所在文件夹). */
    save: z.boolean().default(true),
    date: reportDate.optional(),
  })
  .strict()
  .refine((args) => formatsOfKind[args.kind].includes(args.format), {
    error: '该报表不能导出为所选格式：台账和指标表为 Excel 或 CSV，情况报告为 Word，催办清单为 Excel、CSV 或 Word',
    path: ['format'],
  });

export const reportFile = z.object({
  fileName: z.string(),
  /** Where the file was saved on this PC, or null when only the content was asked for. */
  savedPath: z.string().nullable(),
  contentBase64: z.string(),
  bytes: z.number(),
  /** One Chinese sentence: what the file holds. */
  summary: z.string(),
});
export type ReportFile = z.infer<typeof reportFile>;

/**
 * One lead department's part of a task for the quarter. Text is given only when the entry
 * counts (approved, or submitted when the report includes 待审核); a returned, unsubmitted or
 * missing entry carries its `report` kind and no text, so it never reads as progress.
 */
export const reportEntry = z.object({
  departmentName: z.string(),
  report: z.enum(leadReportKinds),
  /** Counted and only submitted: printed with 待审核. */
  awaitingReview: z.boolean(),
  /** Not reported after the reporting deadline (逾期未报). */
  late: z.boolean(),
  state: z.enum(quarterStates),
  /** The lead's own light: its entry judged, grey when it does not count (per-department charts count these). */
  light,
  status: z.enum(ledgerStatuses),
  percent: z.number().nullable(),
  progress: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  workflowState: z.enum(workflowStates).nullable(),
});
export type ReportEntry = z.infer<typeof reportEntry>;

/** 是否按序时推进, from the task's quarter state: 已完成, 是 (按序时推进), 否 (滞后), 未填报. */
export const paceAnswers = ['已完成', '是', '否', '未填报'] as const;
export type PaceAnswer = (typeof paceAnswers)[number];

export const reportTask = z.object({
  taskId: uuid,
  planId: uuid,
  planTitle: z.string(),
  sectionId: uuid.nullable(),
  sectionTitle: z.string().nullable(),
  /** The section's own numbering as printed: 一、 (may be empty). */
  sectionLabel: z.string(),
  number: z.string(),
  title: z.string(),
  /** Lead departments (牵头科室) by name. */
  departments: z.array(z.string()),
  /** 责任单位. */
  units: z.array(z.string()),
  deadline: z.string().nullable(),
  status: z.enum(ledgerStatuses),
  /** The quarter state by the one aggregation rule. */
  state: z.enum(quarterStates),
  /** 部分科室未报, with the departments whose report is missing (or returned, or not yet approved). */
  partial: z.boolean(),
  missing: z.array(z.string()),
  late: z.array(z.string()),
  returned: z.array(z.string()),
  awaitingReview: z.array(z.string()),
  light,
  percent: z.number().nullable(),
  overdue: z.boolean(),
  pace: z.enum(paceAnswers),
  /** One per lead department, in lead order (those not reported carry their kind and no text). */
  entries: z.array(reportEntry),
});
export type ReportTask = z.infer<typeof reportTask>;

/** 是否达标 against the (final) target, direction-aware; 无数据 without a value or target. */
export const metAnswers = ['是', '接近', '否', '无数据'] as const;
export type MetAnswer = (typeof metAnswers)[number];

export const reportIndicator = z.object({
  indicatorId: uuid,
  planTitle: z.string(),
  name: z.string(),
  unit: z.string(),
  comparator: z.enum(['>=', '<=', '=', '>', '<', 'between']),
  direction: z.enum(['up', 'down', 'band']),
  /** 越高越好 / 越低越好 / 区间. */
  directionLabel: z.string(),
  baselineValue: z.number().nullable(),
  baselineYear: z.number().nullable(),
  targetValue: z.number().nullable(),
  targetValueMax: z.number().nullable(),
  targetYear: z.number().nullable(),
  /** The target as people write it: ≥34%, ≤10/10万, 95%—100%. */
  targetText: z.string(),
  departmentName: z.string().nullable(),
  /** The report year's quarters up to the period. */
  points: z.array(z.object({ period: periodText, value: z.number().nullable() })),
  /** The period's own value. */
  value: z.number().nullable(),
  /** 完成情况: the light's sentence (序时 for cumulative targets). */
  completion: z.string(),
  met: z.enum(metAnswers),
  light,
});
export type ReportIndicator = z.infer<typeof reportIndicator>;

/** Why a department is chased: behind pace (滞后), not reported after the deadline (逾期未报), or returned (已退回修改). */
export const reminderKinds = ['behind', 'late', 'returned'] as const;
export const reminderKindLabels: Record<(typeof reminderKinds)[number], string> = { behind: '滞后', late: '逾期未报', returned: '已退回修改' };

export const reminderItem = z.object({
  taskId: uuid,
  number: z.string(),
  title: z.string(),
  kind: z.enum(reminderKinds),
  color: z.enum(['red', 'yellow', 'grey']),
  status: z.enum(ledgerStatuses),
  overdue: z.boolean(),
  deadline: z.string().nullable(),
  /** Why it is listed, naming the department when the task has several leads. */
  reason: z.string(),
});

export const reportModel = z.object({
  kind: reportKind,
  officeName: z.string(),
  period: periodText,
  /** 2025年第一季度. */
  periodLabel: z.string(),
  /** 第一季度 (for 截至第一季度). */
  quarterLabel: z.string(),
  asOf: z.string(),
  /** When the report was made, ISO. */
  generatedAt: z.string(),
  /** 全区 / 疾控科 / 第一部分“…”: what part of the office the report covers, for titles. */
  scopeLabel: z.string(),
  /** The one department the scope is narrowed to, if any (file names and titles). */
  departmentName: z.string().nullable(),
  plans: z.array(z.object({ id: uuid, title: z.string() })),
  /** In document order: plan, section, task. */
  tasks: z.array(reportTask),
  /** Submitted entries counted (marked 待审核), not only approved ones. */
  includeSubmitted: z.boolean(),
  /** The one aggregation's counts (done + onPace + behind + notReported = total) and the lights. */
  counts: quarterCounts.extend({ red: z.number(), yellow: z.number(), overdue: z.number() }),
  indicators: z.array(reportIndicator),
  indicatorCounts: z.object({ total: z.number(), met: z.number(), close: z.number(), notMet: z.number(), noData: z.number() }),
  /** 催办 per lead department: its tasks behind pace, not reported after the deadline, or returned. */
  reminders: z.array(z.object({ departmentName: z.string(), items: z.array(reminderItem) })),
});
export type ReportModel = z.infer<typeof reportModel>;

/** Our fields a superior's form column can take. */
export const templateFields = [
  'number',
  'section',
  'title',
  'departments',
  'units',
  'deadline',
  'progress',
  'problems',
  'nextSteps',
  'status',
  'percent',
  'light',
  'pace',
  'plan',
  'indicatorName',
  'indicatorUnit',
  'indicatorBaseline',
  'indicatorTarget',
  'indicatorValue',
  'indicatorCompletion',
  'indicatorMet',
] as const;
export type TemplateField = (typeof templateFields)[number];
export const templateFieldLabels: Record<TemplateField, string> = {
  number: '序号',
  section: '所属部分',
  title: '工作任务',
  departments: '牵头科室',
  units: '责任单位',
  deadline: '完成时限',
  progress: '进展情况',
  problems: '存在问题',
  nextSteps: '下步打算',
  status: '状态',
  percent: '完成进度',
  light: '灯色',
  pace: '是否按序时推进',
  plan: '所属计划',
  indicatorName: '指标名称',
  indicatorUnit: '指标单位',
  indicatorBaseline: '基数',
  indicatorTarget: '目标值',
  indicatorValue: '本期完成值',
  indicatorCompletion: '完成情况',
  indicatorMet: '是否达标',
};

const formFile = z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().min(1).max(70_000_000) }).strict();
export const columnMapping = z.array(z.object({ column: z.number().int().min(1).max(200), field: z.enum(templateFields) }).strict()).max(200);

export const templateSheet = z.object({
  name: z.string(),
  /** The row holding the column titles (1-based), as detected; the clerk may change it. */
  headerRow: z.number().int(),
  columns: z.array(z.object({ column: z.number().int(), letter: z.string(), header: z.string() })),
  /** Our guess from the titles; the clerk confirms or changes it. */
  suggested: columnMapping,
  /** The top rows' texts (a merged cell's text in every cell it covers): to recognise the form and pick another header row. */
  preview: z.array(z.array(z.string())),
});

export const reportTemplate = z.object({
  id: uuid,
  /** Whom the form goes to: 市卫生健康委, 区政府督查室…: one saved mapping each. */
  recipient: z.string(),
  fileName: z.string(),
  sheetName: z.string(),
  headerRow: z.number().int(),
  mapping: columnMapping,
  /** Rows are tasks (ledger) or indicators. */
  rows: z.enum(['tasks', 'indicators']),
  updatedAt: z.string(),
});
export type ReportTemplate = z.infer<typeof reportTemplate>;

export const reportsApi = {
  'report.model': defineCall({
    summary: '报表数据：台账、指标、催办和情况报告共用的数据（打印视图据此排版）',
    args: z.object({ kind: reportKind, scope: reportScope }).strict(),
    result: reportModel,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'report.build': defineCall({
    summary: '生成报表文件：台账（Excel/CSV）、指标完成情况表、催办清单、情况报告（Word）',
    args: buildReportArgs,
    result: reportFile,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
    longJob: true,
  }),
  'report.pdf': defineCall({
    summary: '把台账或情况报告的打印视图保存为 PDF（仅桌面程序）',
    args: z.object({ kind: z.enum(['ledger', 'summary', 'indicators', 'reminders']), scope: reportScope, date: reportDate.optional() }).strict(),
    result: reportFile,
    errors: ['UNAVAILABLE', 'NOT_FOUND', 'INVALID_ARGUMENT'],
    longJob: true,
  }),
  'report.reveal': defineCall({
    summary: '在文件夹中显示已保存的报表（仅桌面程序）',
    args: z.object({ path: requiredText('文件路径', 4000) }).strict(),
    result: z.object({ revealed: z.boolean(), folder: z.string() }),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  // Additive (helper E): the desktop shell hands the print view's PDF to the core, which names it and saves it.
  'report.savePdf': defineCall({
    summary: '保存打印视图生成的 PDF 到报表文件夹（由桌面程序在生成 PDF 后调用）',
    args: z
      .object({
        kind: reportKind,
        scope: reportScope,
        contentBase64: z.string().min(8, { error: 'PDF 内容为空' }).max(140_000_000, { error: 'PDF 文件过大（超过 100 MB）' }),
      })
      .strict(),
    result: reportFile,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT', 'DISK_FULL', 'READ_ONLY'],
    shellOnly: true,
  }),
  'report.templates.list': defineCall({
    summary: '上级报表模板：已保存的各接收单位的表样和列对应关系',
    args: z.object({}).strict(),
    result: z.array(reportTemplate),
    errors: [],
  }),
  'report.templates.inspect': defineCall({
    summary: '读取上级下发的空白表样，识别表头行和各列，并推荐对应字段',
    args: z.object({ file: formFile }).strict(),
    result: z.object({ sheets: z.array(templateSheet) }),
    errors: ['INVALID_ARGUMENT'],
  }),
  'report.templates.save': defineCall({
    summary: '保存某接收单位的表样和列对应关系（同一接收单位再次保存即更新）',
    args: z
      .object({
        recipient: requiredText('接收单位', 60),
        file: formFile,
        sheetName: requiredText('工作表', 100),
        headerRow: z.number().int().min(1, { error: '表头行至少为第1行' }).max(50, { error: '表头行不能超过第50行' }),
        mapping: columnMapping.min(1, { error: '请至少为一列选择对应字段' }),
      })
      .strict(),
    result: reportTemplate,
    errors: ['INVALID_ARGUMENT'],
  }),
  'report.templates.delete': defineCall({
    summary: '删除某接收单位的表样',
    args: idArgs,
    result: z.null(),
    errors: ['NOT_FOUND'],
  }),
  'report.fill': defineCall({
    summary: '按上级表样填报：用本季度数据填写已保存的表样',
    args: z.object({ templateId: uuid, scope: reportScope, save: z.boolean().default(true) }).strict(),
    result: reportFile,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
    longJob: true,
  }),
} as const;
