import { z } from 'zod';
import { defineCall } from './define';
import { isoDate, optionalText, requiredText, uuid, year } from './common';
import { planKind } from './plans';

const comparator = z.enum(['>=', '<=', '=', '>', '<', 'between'], { error: '比较方式不正确' });
const valueKind = z.enum(['proportion', 'rate', 'count', 'amount', 'growth', 'other'], { error: '指标类型不正确' });
const finite = (label: string) => z.number({ error: `${label}必须是数字` }).finite({ error: `${label}必须是有限的数字` });

export const parsedSection = z.object({ key: z.string(), label: z.string(), title: z.string(), parentKey: z.string().nullable() });
export const parsedDue = z.object({ date: z.string().nullable(), fromYear: z.number().nullable(), toYear: z.number().nullable() });
export const parsedTask = z.object({
  key: z.string(),
  number: z.string(),
  sectionKey: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  leadDepartments: z.array(z.string()),
  responsibleUnits: z.array(z.string()),
  group: z.string().nullable(),
  deadline: z.string().nullable(),
  due: parsedDue.nullable(),
});
export const parsedTarget = z.object({
  taskKey: z.string().nullable(),
  metric: z.string(),
  comparator,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  valueKind,
  attribute: z.enum(['binding', 'indicative']).nullable(),
  baseline: z.object({ value: z.number(), year: z.number().nullable() }).nullable(),
  targetYear: z.number().nullable(),
  phrase: z.string(),
  start: z.number(),
  end: z.number(),
});
export const parseResult = z.object({
  title: z.string().nullable(),
  kind: planKind,
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  normalizedText: z.string(),
  sections: z.array(parsedSection),
  tasks: z.array(parsedTask),
  targets: z.array(parsedTarget),
  progressHistory: z.array(z.object({ taskKey: z.string(), period: z.string().nullable(), header: z.string(), text: z.string() })),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

/** How an owner name printed in the document maps to this office's departments. */
export const ownerMatch = z.object({ name: z.string(), departmentId: uuid.nullable(), departmentName: z.string().nullable() });

export const existingPlanMatch = z.object({
  planId: uuid,
  title: z.string(),
  /** The very same document was imported before (same normalised content). */
  sameContent: z.boolean(),
});

export const sourceInfo = z.object({
  fileName: z.string(),
  format: z.enum(['txt', 'docx', 'pdf', 'xlsx', 'paste']),
  sha256: z.string(),
  contentHash: z.string(),
  size: z.number(),
  encoding: z.string().nullable(),
});
export type SourceInfo = z.infer<typeof sourceInfo>;

/**
 * A section, task or indicator of the existing plan that the clerk changed after its import and that
 * this document would set otherwise: saving keeps the clerk's value (本机已修改，保留).
 */
export const localEdit = z.object({
  kind: z.enum(['section', 'task', 'indicator']),
  /** The task's key in this document's draft, where the record pairs with one. */
  draftKey: z.string().nullable(),
  number: z.string(),
  /** The record's current (local) title or name. */
  name: z.string(),
  /** Chinese labels of the fields kept. */
  fields: z.array(z.string()),
});
export type LocalEdit = z.infer<typeof localEdit>;

export const parsePreview = z.object({
  parse: parseResult,
  source: sourceInfo,
  owners: z.array(ownerMatch),
  existing: existingPlanMatch.nullable(),
  /** For a document already in the ledger (same or earlier version): the clerk's edits that saving keeps. */
  localEdits: z.array(localEdit).default([]),
});
export type ParsePreview = z.infer<typeof parsePreview>;

/** The plan as the clerk corrected it on the review screen. */
export const planDraft = z
  .object({
    title: requiredText('计划标题', 200),
    kind: planKind,
    docNumber: optionalText('文号', 60).nullable(),
    issuer: optionalText('印发单位', 60).nullable(),
    issuedOn: isoDate.nullable(),
    yearFrom: year.nullable(),
    yearTo: year.nullable(),
    sections: z.array(z.object({ key: requiredText('章节编号', 40), label: optionalText('章节序号', 20), title: requiredText('章节标题', 300), parentKey: z.string().nullable() })).max(2000),
    tasks: z
      .array(
        z.object({
          key: requiredText('任务编号', 40),
          number: optionalText('序号', 20),
          sectionKey: z.string().nullable(),
          title: requiredText('任务名称', 500),
          text: optionalText('任务内容', 50000),
          leadDepartments: z.array(requiredText('牵头科室', 60)).max(30),
          responsibleUnits: z.array(requiredText('责任单位', 80)).max(100),
          group: optionalText('分组', 100).nullable(),
          deadline: optionalText('完成时限', 100).nullable(),
        }),
      )
      .max(20000),
    targets: z
      .array(
        z.object({
          taskKey: z.string().nullable(),
          metric: requiredText('指标名称', 300),
          comparator,
          value: finite('目标值'),
          valueMax: finite('目标上限').nullable(),
          unit: optionalText('单位', 20),
          valueKind,
          attribute: z.enum(['binding', 'indicative']).nullable(),
          baseline: z.object({ value: finite('基数'), year: year.nullable() }).nullable(),
          targetYear: year.nullable(),
          phrase: optionalText('原文', 2000),
        }),
      )
      .max(20000),
    /** Past quarters' progress from an existing ledger, saved as approved history. */
    progress: z
      .array(z.object({ taskKey: z.string(), period: z.string().regex(/^\d{4}-Q[1-4]$/, { error: '季度格式应为 2025-Q1' }), text: optionalText('进展情况', 20000) }))
      .max(100000)
      .default([]),
  })
  .strict();
export type PlanDraft = z.infer<typeof planDraft>;

/** The parser's output as a draft, unchecked (a parsed task may lack a name the clerk then gave it): only compared. */
export const parsedDraft = z.object({
  sections: z.array(parsedSection).max(20000),
  tasks: z.array(parsedTask.omit({ due: true })).max(50000),
  targets: z.array(parsedTarget.omit({ start: true, end: true })).max(50000),
});
export type ParsedDraft = z.infer<typeof parsedDraft>;

/** What to do with an owner name that matches no department. */
export const ownerDecision = z.discriminatedUnion('action', [
  z.object({ name: requiredText('科室名称', 60), action: z.literal('map'), departmentId: uuid }),
  z.object({
    name: requiredText('科室名称', 60),
    action: z.literal('create'),
    /** The new department's name when it differs from the printed one (公卫科（爱卫办） → 公卫科); the printed name becomes its alias. */
    departmentName: requiredText('新科室名称', 60).optional(),
  }),
]);

export const planChange = z.object({
  id: z.string(),
  kind: z.enum(['added', 'removed', 'reworded', 'owners', 'moved']),
  taskId: uuid.nullable(),
  draftKey: z.string().nullable(),
  number: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** Fields of this change the clerk changed locally after the previous import: kept, not overwritten. */
  kept: z.array(z.string()).default([]),
});
export type PlanChange = z.infer<typeof planChange>;

// —— the review screen's autosave (local to this PC: the drafts table, never the change log) ——

const reviewTask = z.object({
  key: z.string(),
  number: z.string(),
  sectionKey: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  leadDepartments: z.array(z.string()),
  responsibleUnits: z.array(z.string()),
  group: z.string().nullable(),
  deadline: z.string().nullable(),
});
const reviewTarget = parsedTarget.omit({ start: true, end: true }).extend({ uid: z.string() });
/** What the clerk decided for a printed owner name; `create` with `as` joins the department another row creates. */
export const reviewOwnerChoice = z.discriminatedUnion('action', [
  z.object({ action: z.literal('map'), departmentId: uuid }),
  z.object({ action: z.literal('create'), as: z.string().optional() }),
]);

/** Everything the clerk did on the review screen, as the renderer holds it (unvalidated text: a draft may be half done). */
export const reviewState = z.object({
  draft: z.object({
    title: z.string(),
    kind: planKind,
    docNumber: z.string().nullable(),
    issuer: z.string().nullable(),
    issuedOn: z.string().nullable(),
    yearFrom: z.number().nullable(),
    yearTo: z.number().nullable(),
    sections: z.array(parsedSection).max(20000),
    tasks: z.array(reviewTask).max(50000),
    targets: z.array(reviewTarget).max(50000),
    progress: z.array(z.object({ taskKey: z.string(), period: z.string(), text: z.string() })).max(200000),
  }),
  draftVersion: z.number().int().min(0),
  ownerChoices: z.record(z.string(), reviewOwnerChoice),
  mode: z.enum(['new', 'update', 'revision']).nullable(),
  changes: z.object({ list: z.array(planChange), draftVersion: z.number().int() }).nullable(),
  accepted: z.array(z.string()),
  keyRedirects: z.record(z.string(), z.string()),
});
export type ReviewState = z.infer<typeof reviewState>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: '文件校验值格式不正确' });

export const reviewDraftSummary = z.object({
  /** The source's SHA-256: one unfinished review per file. */
  id: sha256Hex,
  fileName: z.string(),
  format: sourceInfo.shape.format,
  title: z.string(),
  tasks: z.number(),
  savedAt: z.string(),
});
export type ReviewDraftSummary = z.infer<typeof reviewDraftSummary>;

export const importsApi = {
  'imports.cancelParse': defineCall({
    summary: '取消正在读取的文件（读取线程立即结束，未作任何改动）',
    args: z.object({}).strict(),
    result: z.object({ cancelled: z.number().int().nonnegative() }),
    errors: [],
  }),
  'imports.parse': defineCall({
    summary: '解析计划文件（docx、pdf、xlsx、txt）或粘贴的文字，供核对',
    args: z.union([
      z
        .object({ fileName: requiredText('文件名', 255), contentBase64: z.string() })
        .strict()
        // A refusal names the file (the clerk may have picked several today).
        .superRefine((value, ctx) => {
          if (value.contentBase64.length > 70_000_000) ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: `文件“${value.fileName}”太大（超过50MB），请拆分后再导入` });
        }),
      z.object({ pastedText: requiredText('粘贴的文字', 5_000_000) }).strict(),
    ]),
    result: parsePreview,
    errors: ['INVALID_ARGUMENT'],
    longJob: true,
  }),
  'imports.diff': defineCall({
    summary: '比较修订版计划与已导入的计划：新增、删除、改写、牵头科室变化',
    args: z.object({ planId: uuid, draft: planDraft, source: sourceInfo }).strict(),
    result: z.array(planChange),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'imports.save': defineCall({
    summary: '保存核对后的计划（一次事务；再次导入同一文件只更新，不重复）',
    args: z
      .object({
        draft: planDraft,
        source: sourceInfo,
        owners: z.array(ownerDecision).max(500).default([]),
        /** Update this existing plan instead of creating one; with `acceptedChanges` for a revised version. */
        planId: uuid.nullable().default(null),
        acceptedChanges: z.array(z.string()).nullable().default(null),
        /**
         * The draft as the parser produced it, before the clerk's corrections on the review screen (same
         * keys). Remembered as what this import "said", so a later import keeps every field the clerk
         * corrected, here or afterwards. Null: the draft is the parser's output unchanged (the CLI).
         */
        parsed: parsedDraft.nullable().default(null),
      })
      .strict(),
    result: z.object({ planId: uuid, tasks: z.number(), targets: z.number(), createdDepartments: z.array(z.string()), updated: z.boolean() }),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT', 'NOT_INITIALIZED'],
    longJob: true,
  }),
  'imports.saveReviewDraft': defineCall({
    summary: '自动保存导入核对中的内容（只存在本机，不进入修改记录）；首次保存时附上识别结果',
    args: z.object({ source: sourceInfo, preview: parsePreview.nullable().default(null), state: reviewState }).strict(),
    result: z.object({ id: sha256Hex, savedAt: z.string() }),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'imports.reviewDrafts': defineCall({
    summary: '本机未完成的导入核对（最新的在前）',
    args: z.object({}).strict(),
    result: z.array(reviewDraftSummary),
    errors: [],
  }),
  'imports.openReviewDraft': defineCall({
    summary: '取回一份未完成的导入核对：识别结果和所做的修改',
    args: z.object({ id: sha256Hex }).strict(),
    result: z.object({ preview: parsePreview, state: reviewState, savedAt: z.string() }),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'imports.discardReviewDraft': defineCall({
    summary: '放弃一份未完成的导入核对',
    args: z.object({ id: sha256Hex }).strict(),
    result: z.null(),
    errors: ['INVALID_ARGUMENT'],
  }),
} as const;
