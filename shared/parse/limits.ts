/**
 * How much the parser takes. Beyond these a document is refused at parse time, in Chinese, saying
 * what is too large and what to do, instead of costing minutes and gigabytes or failing at save.
 * Field and count limits are those of the plan draft (shared/api/imports.ts), so nothing the parser
 * accepts is refused at save for its size.
 */
export const PARSE_LIMITS = {
  /** Characters of text (about 2 MB; a long five-year plan has 100,000). */
  textChars: 2_000_000,
  titleChars: 200,
  /** Any single field: the largest field of the draft (a task's text). */
  fieldChars: 50_000,
  sections: 2_000,
  tasks: 20_000,
  targets: 20_000,
  progress: 100_000,
} as const;

export type ParseLimitCode = 'TEXT_TOO_LONG' | 'FIELD_TOO_LONG' | 'TOO_MANY_ITEMS';

/** A document the parser refuses for its size; the message is for the clerk. */
export class ParseLimitError extends Error {
  constructor(
    readonly code: ParseLimitCode,
    message: string,
  ) {
    super(message);
    this.name = 'ParseLimitError';
  }
}

/** 60016 → "60016 字", 2,345,678 → "约 235 万字". */
export function characters(n: number): string {
  return n >= 100_000 ? `约 ${Math.round(n / 10_000)} 万字` : `${n} 字`;
}

export function checkTextLength(length: number): void {
  if (length > PARSE_LIMITS.textChars) {
    throw new ParseLimitError(
      'TEXT_TOO_LONG',
      `文件中的文字过多（${characters(length)}，上限 ${PARSE_LIMITS.textChars / 10_000} 万字）。请将文件拆分后分别导入，或只导入需要的部分（把需要的部分复制到新文件）`,
    );
  }
}

const clip = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

interface Checked {
  readonly title: string | null;
  readonly docNumber: string | null;
  readonly issuer: string | null;
  readonly sections: readonly { readonly title: string; readonly label: string }[];
  readonly tasks: readonly {
    readonly number: string;
    readonly title: string;
    readonly text: string;
    readonly group: string | null;
    readonly deadline: string | null;
    readonly leadDepartments: readonly string[];
    readonly responsibleUnits: readonly string[];
  }[];
  readonly targets: readonly { readonly metric: string; readonly phrase: string; readonly unit: string }[];
  readonly progressHistory: readonly { readonly text: string; readonly header: string }[];
}

/** Refuse a parse result holding more items than a plan may, or a field no plan field can hold. */
export function checkParseResult(result: Checked): void {
  const { titleChars, fieldChars } = PARSE_LIMITS;
  if (result.title !== null && result.title.length > titleChars) {
    throw new ParseLimitError(
      'FIELD_TOO_LONG',
      `识别出的标题过长（${characters(result.title.length)}，上限 ${titleChars} 字），不像是计划标题。请检查文件开头（Excel 文件为第一行）是否为标题，修改后再导入`,
    );
  }
  const counts: [number, number, string][] = [
    [result.sections.length, PARSE_LIMITS.sections, '章节'],
    [result.tasks.length, PARSE_LIMITS.tasks, '任务'],
    [result.targets.length, PARSE_LIMITS.targets, '指标'],
    [result.progressHistory.length, PARSE_LIMITS.progress, '进展记录'],
  ];
  for (const [count, limit, what] of counts) {
    if (count > limit) {
      throw new ParseLimitError('TOO_MANY_ITEMS', `文件中识别出的${what}过多（${count} 个，上限 ${limit} 个）。请将文件拆分后分别导入，或只导入需要的部分`);
    }
  }
  const tooLong = (value: string | null, where: string) => {
    if (value !== null && value.length > fieldChars) {
      throw new ParseLimitError('FIELD_TOO_LONG', `${where}过长（${characters(value.length)}，上限 ${fieldChars} 字）。请检查文件中这一处，删去多余内容或拆分文件后再导入`);
    }
  };
  tooLong(result.docNumber, '文号');
  tooLong(result.issuer, '印发单位');
  for (const section of result.sections) tooLong(section.title, `章节“${section.label}”的标题`);
  for (const task of result.tasks) {
    const where = `第${task.number}项任务“${clip(task.title)}”的`;
    tooLong(task.title, `${where}名称`);
    tooLong(task.text, `${where}内容`);
    tooLong(task.group, `${where}分组`);
    tooLong(task.deadline, `${where}完成时限`);
    for (const name of [...task.leadDepartments, ...task.responsibleUnits]) tooLong(name, `${where}责任单位名称`);
  }
  for (const target of result.targets) {
    tooLong(target.metric, `指标“${clip(target.metric)}”的名称`);
    tooLong(target.phrase, `指标“${clip(target.metric)}”的原文`);
    tooLong(target.unit, `指标“${clip(target.metric)}”的单位`);
  }
  for (const entry of result.progressHistory) tooLong(entry.text, `进展列“${clip(entry.header)}”中的一条进展`);
}
