import type { z } from 'zod';
import type { generateArgs } from '../../shared/api/system';
import { formatPeriod, type Quarter } from '../../shared/domain/period';
import type { Core } from '../core/core';
import type { Writer } from '../core/mutation';
import { departmentId, indicatorValueId, officeId, progressReportId, uuidV5 } from '../core/ids';

type GenerateArgs = z.output<typeof generateArgs>;

const DISTRICTS = ['渝北', '渝中', '沙坪坝', '江北', '南岸', '九龙坡', '大渡口', '北碚', '巴南', '涪陵', '长寿', '江津', '合川', '永川', '綦江', '大足', '璧山', '铜梁', '潼南', '荣昌'];
const DEPARTMENTS = ['办公室', '疾病预防控制科', '医政医管科', '基层卫生健康科', '妇幼健康科', '中医药科', '规划发展与信息化科', '财务科', '人事科', '宣传科', '老龄健康科', '职业健康科', '爱国卫生科', '综合监督科', '科技教育科'];
const SECTION_TITLES = ['深化医药卫生体制改革', '健全公共卫生服务体系', '提升医疗服务能力', '夯实基层卫生基础', '促进中医药传承创新', '守护全人群全生命周期健康', '推进卫生健康数字化', '加强行业综合监管'];
const TASK_VERBS = ['推进', '深化', '完善', '实施', '加强', '开展', '建设', '提升'];
const TASK_OBJECTS = ['紧密型县域医共体建设', '家庭医生签约服务', '慢性病综合防控示范区创建', '院前急救体系', '托育服务体系', '智慧医院建设', '基层医疗卫生机构能力提升', '传染病监测预警', '健康促进县区创建', '中医馆服务能力', '心理健康服务', '职业病防治', '爱国卫生运动', '医疗质量安全改进', '公立医院绩效考核'];
const INDICATORS = [
  { name: '居民健康素养水平', unit: '%', comparator: '>=', target: 34, baseline: 26, kind: 'proportion', accumulation: 'point' },
  { name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target: 10, baseline: 12, kind: 'rate', accumulation: 'point' },
  { name: '婴儿死亡率', unit: '‰', comparator: '<=', target: 3, baseline: 3.6, kind: 'rate', accumulation: 'point' },
  { name: '每千人口拥有3岁以下婴幼儿托位数', unit: '个', comparator: '>=', target: 4.5, baseline: 2.1, kind: 'other', accumulation: 'point' },
  { name: '新增托位', unit: '个', comparator: '>=', target: 1000, baseline: 0, kind: 'count', accumulation: 'cumulative' },
  { name: '救护培训', unit: '人次', comparator: '>=', target: 30000, baseline: 0, kind: 'count', accumulation: 'cumulative' },
] as const;
const STATUSES = ['未启动', '推进中', '推进中', '推进中', '已完成', '滞后', '长期坚持'] as const;

/** Small, fast, seedable PRNG (mulberry32): the same seed always yields the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateSummary {
  offices: number;
  plans: number;
  tasks: number;
  progressReports: number;
  indicatorValues: number;
  changes: number;
}

interface Department {
  readonly id: string;
  readonly name: string;
}

interface OfficeDraft {
  readonly id: string;
  readonly name: string;
  readonly departments: readonly Department[];
}

/** Draws the generated values in a fixed order: the same seed and arguments give the same rows. */
interface Draw {
  next(): number;
  pick<T>(items: readonly T[]): T;
}

/**
 * Rows a transaction takes before the next one starts. Ids are derived hashes, so every row
 * lands on a random page of its table's and the change log's indexes; a commit writes each
 * page it touched. Few large transactions with a cache that holds their pages write a page
 * once per commit instead of once per row, which keeps a million rows feasible: per-plan
 * transactions wrote 15 GB for the first 170,000 rows, these about 3 GB for 200,000.
 */
export const ROWS_PER_TRANSACTION = 100_000;
const GENERATION_CACHE_KIB = 1024 * 1024;

/** One step of a generation: an office with its departments, or one plan of one year. */
type Step = { kind: 'office'; office: number } | { kind: 'plan'; office: number; year: number; plan: number };

function* steps(args: GenerateArgs): Generator<Step> {
  for (let office = 0; office < args.offices; office++) {
    yield { kind: 'office', office };
    for (let y = 0; y < args.years; y++) for (let plan = 0; plan < args.plansPerYear; plan++) yield { kind: 'plan', office, year: args.firstYear + y, plan };
  }
}

/**
 * Fill the database with realistic offices, plans, tasks, quarterly progress and indicator
 * values, all through the mutation layer (rows, per-field change records, search index), in
 * transactions of about ROWS_PER_TRANSACTION rows; progress is reported after every plan.
 */
export function generateData(
  core: Core,
  args: GenerateArgs,
  progress: (label: string, done: number, total: number) => void,
  options: { rowsPerTransaction?: number } = {},
): GenerateSummary {
  const next = random(args.seed);
  const draw: Draw = { next, pick: (items) => items[Math.floor(next() * items.length)]! };
  const changesBefore = countChanges(core);
  const summary: GenerateSummary = { offices: 0, plans: 0, tasks: 0, progressReports: 0, indicatorValues: 0, changes: 0 };
  const perTransaction = options.rowsPerTransaction ?? ROWS_PER_TRANSACTION;
  const total = args.offices * args.years * args.plansPerYear;
  const offices: OfficeDraft[] = [];
  let done = 0;
  progress('正在生成数据', 0, total);

  const cacheSize = core.db.pragma('cache_size', { simple: true }) as number;
  core.db.pragma(`cache_size = -${GENERATION_CACHE_KIB}`);
  try {
    const queue = steps(args);
    let step = queue.next();
    while (!step.done) {
      core.mutations.run((writer) => {
        const rowsBefore = summary.progressReports;
        // A transaction ends after a plan once it holds enough rows.
        while (!step.done && summary.progressReports - rowsBefore < perTransaction) {
          const current = step.value;
          if (current.kind === 'office') {
            offices[current.office] = writeOffice(core, writer, args, current.office);
            summary.offices++;
          } else {
            const office = offices[current.office]!;
            writePlan(writer, draw, args, office, current.year, current.plan, summary);
            done++;
            progress(`正在生成 ${office.name} ${current.year}年数据`, done, total);
          }
          step = queue.next();
        }
      });
    }
  } finally {
    core.db.pragma(`cache_size = ${cacheSize}`);
    // The large transactions grew the write-ahead log; give the space back.
    if (!core.db.inTransaction) core.db.pragma('wal_checkpoint(TRUNCATE)');
  }
  summary.changes = countChanges(core) - changesBefore;
  return summary;
}

function countChanges(core: Core): number {
  return (core.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
}

/**
 * A generated office with its departments. With `intoOwnOffice` the first one is this
 * installation's own office: its name and existing departments stay as the clerk set them.
 */
function writeOffice(core: Core, writer: Writer, args: GenerateArgs, index: number): OfficeDraft {
  const own = args.intoOwnOffice && index === 0 ? core.requireIdentity().officeId : null;
  const id = own ?? officeId(`gen-${args.seed}-${index}`);
  const district = DISTRICTS[index % DISTRICTS.length]!;
  const generatedName = index < DISTRICTS.length ? `${district}区卫生健康委` : `${district}区卫生健康委（${Math.floor(index / DISTRICTS.length) + 1}）`;
  const name = own ? String(writer.get('offices', own)?.name ?? generatedName) : generatedName;
  if (!own) writer.insert('offices', id, { name, code: `GEN${args.seed}-${index}`, level: 'district', parent_id: null });
  const existingOrder = own ? core.db.prepare('SELECT COUNT(*) AS n FROM departments WHERE office_id = ?').pluck().get(own) as number : 0;
  const departments = DEPARTMENTS.slice(0, args.departmentsPerOffice).map((deptName) => ({ id: departmentId(id, deptName), name: deptName }));
  departments.forEach((dept, order) => {
    if (own && writer.get('departments', dept.id)) return;
    writer.insert('departments', dept.id, { office_id: id, name: dept.name, aliases: [], sort_order: existingOrder + order + 1 });
  });
  return { id, name, departments };
}

/** Plan ids of the first plan a year are those earlier versions generated, so old seeds keep their data. */
function planIdOf(office: string, year: number, index: number): string {
  return uuidV5(index === 0 ? `gen-plan:${office}:${year}` : `gen-plan:${office}:${year}:${index}`);
}

/** One plan with sections, tasks, four quarters of progress per lead department and, for the 工作要点, indicators. */
function writePlan(writer: Writer, draw: Draw, args: GenerateArgs, office: OfficeDraft, year: number, index: number, summary: GenerateSummary): void {
  const plan = planIdOf(office.id, year, index);
  const title = index === 0 ? `${office.name}${year}年卫生健康工作要点` : `${office.name}${year}年重点工作实施方案（${index}）`;
  writer.insert('plans', plan, {
    office_id: office.id,
    kind: index === 0 ? 'work-points' : 'implementation-plan',
    title,
    doc_number: null,
    issuer: office.name,
    issued_on: `${year}-02-15`,
    year_from: year,
    year_to: year,
    source_hash: null,
    source_name: null,
  });
  summary.plans++;
  const sectionIds = SECTION_TITLES.map((sectionTitle, order) => {
    const id = uuidV5(`gen-section:${plan}:${order}`);
    writer.insert('sections', id, { plan_id: plan, parent_id: null, label: `${'一二三四五六七八'[order]}、`, title: sectionTitle, sort_order: order + 1 });
    return id;
  });
  for (let t = 0; t < args.tasksPerPlan; t++) {
    writeTask(writer, draw, office, plan, year, t, sectionIds[Math.floor((t * sectionIds.length) / args.tasksPerPlan)]!, summary);
  }
  if (index === 0) writeIndicators(writer, draw, office, plan, year, summary);
}

function writeTask(writer: Writer, draw: Draw, office: OfficeDraft, plan: string, year: number, t: number, sectionId: string, summary: GenerateSummary): void {
  const { next, pick } = draw;
  const task = uuidV5(`gen-task:${plan}:${t}`);
  const leads = [pick(office.departments), ...(next() < 0.3 ? [pick(office.departments)] : [])].filter((d, i, all) => all.indexOf(d) === i);
  const title = `${pick(TASK_VERBS)}${pick(TASK_OBJECTS)}`;
  writer.insert('tasks', task, {
    plan_id: plan,
    section_id: sectionId,
    number: String(t + 1),
    sort_order: t + 1,
    title,
    text: `${title}，力争年底前取得明显成效。（牵头科室：${leads.map((d) => d.name).join('、')}，责任单位：委属各单位）`,
    deadline: `${year}年12月底`,
    due_date: `${year}-12-31`,
    due_from_year: null,
    due_to_year: null,
    lead_department_ids: leads.map((d) => d.id),
    responsible_units: ['委属各单位'],
    group_name: null,
    milestones: null,
    carried_from_task_id: null,
  });
  summary.tasks++;
  for (let q = 1 as Quarter; q <= 4; q = (q + 1) as Quarter) {
    const period = formatPeriod({ year, quarter: q });
    for (const lead of leads) {
      const status = pick(STATUSES);
      writer.insert('progress_reports', progressReportId(task, lead.id, period), {
        task_id: task,
        department_id: lead.id,
        period,
        status,
        percent: Math.min(100, Math.round(q * 25 * (0.6 + next() * 0.6))),
        progress_text: `${period}已${status === '未启动' ? '完成前期调研' : '按计划推进'}${title}相关工作。`,
        problems_text: next() < 0.3 ? '经费保障不足，人员力量薄弱。' : '',
        next_steps_text: '持续推进，确保按期完成。',
        workflow_state: pick(['approved', 'approved', 'submitted', 'draft'] as const),
        review_comment: null,
      });
      summary.progressReports++;
    }
  }
}

function writeIndicators(writer: Writer, draw: Draw, office: OfficeDraft, plan: string, year: number, summary: GenerateSummary): void {
  INDICATORS.forEach((spec, order) => {
    const indicator = uuidV5(`gen-indicator:${plan}:${order}`);
    writer.insert('indicators', indicator, {
      plan_id: plan,
      task_id: null,
      department_id: draw.pick(office.departments).id,
      name: spec.name,
      unit: spec.unit,
      comparator: spec.comparator,
      target_value: spec.target,
      target_value_max: null,
      target_year: year,
      baseline_value: spec.baseline,
      baseline_year: year - 1,
      value_kind: spec.kind,
      attribute: 'indicative',
      accumulation: spec.accumulation,
      source_phrase: null,
      sort_order: order + 1,
    });
    for (let q = 1; q <= 4; q++) {
      const period = formatPeriod({ year, quarter: q as Quarter });
      const reached = spec.accumulation === 'cumulative' ? (spec.target * q) / 4 : spec.baseline + (spec.target - spec.baseline) * (q / 4);
      const value = Math.round(reached * (0.85 + draw.next() * 0.3) * 100) / 100;
      writer.insert('indicator_values', indicatorValueId(indicator, office.id, period), { indicator_id: indicator, office_id: office.id, period, value, note: null });
      summary.indicatorValues++;
    }
  });
}
