import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../electron/reports/chart-raster';
import { figure, gongwenDocument } from '../../electron/reports/docx-gongwen';
import { summaryDocument } from '../../electron/reports/docx-summary';
import { reportFonts } from '../../electron/reports/fonts';
import type { ReportModel } from '../../shared/api/reports';
import { XML_INVALID } from '../../shared/reports/charts';
import { createTestCore, type TestCore } from '../helpers/core';
import { localNoon } from '../core/progress-fixture';
import { PERIOD, summaryFixture, type SummaryFixture } from './docx-fixture';
import { attr, effectiveRun, paragraphProperty, paragraphs, PNG_SIGNATURE, pngSize, readDocx, type DocxParts } from './docx-xml';

/*
 * The Word 情况报告 read back from the bytes report.build returns: the 公文 page, fonts and sizes,
 * page numbers, pictures, and every number of the opening summary against SQL of its own.
 */

/** A style's XML, and the run properties it sets itself. */
const styleOf = (styles: string, id: string) => new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)![0];
const rPrOfStyle = (styles: string, id: string) => /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(styleOf(styles, id))![0];

async function buildDocx(t: TestCore, kind: 'summary' | 'reminders', date?: string): Promise<Uint8Array> {
  const file = await t.call('report.build', { kind, format: 'docx', scope: { period: PERIOD }, save: false, ...(date ? { date } : {}) } as never);
  return new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
}

/**
 * Task states straight from the tables, judged on the entries that count (approved; submitted too
 * when the report includes 待审核): thresholds in docx-fixture.ts (序时 24.7%, on pace ≥ 30%,
 * behind < 20% or 滞后). `counted` is the SQL list of workflow states that count.
 */
const taskCounts = (counted: string) => `
  WITH lead AS (SELECT t.id, j.value AS department_id FROM tasks t, json_each(t.lead_department_ids) j WHERE t.deleted = 0),
  entry AS (
    SELECT lead.id, r.status, r.percent FROM lead
    LEFT JOIN progress_reports r ON r.task_id = lead.id AND r.department_id = lead.department_id AND r.period = ? AND r.deleted = 0
      AND r.workflow_state IN (${counted})),
  per_task AS (
    SELECT id, COUNT(*) AS leads, COUNT(status) AS reported, COALESCE(SUM(status IN ('已完成', '已办结')), 0) AS done,
      COALESCE(SUM(status = '滞后' OR (status NOT IN ('已完成', '已办结') AND percent < 20)), 0) AS behind,
      MIN(CASE WHEN status NOT IN ('已完成', '已办结') THEN percent END) AS open_percent,
      COALESCE(SUM(status NOT IN ('已完成', '已办结') AND percent >= 20 AND percent < 30), 0) AS borderline FROM entry GROUP BY id)
  SELECT COUNT(*) AS total,
    SUM(reported > 0 AND done = reported) AS done,
    SUM(reported > 0 AND done < reported AND behind = 0 AND open_percent >= 30) AS onPace,
    SUM(reported > 0 AND behind > 0) AS behind,
    SUM(reported = 0) AS notReported,
    SUM(reported > 0 AND reported < leads) AS partial,
    SUM(borderline) AS borderline
  FROM per_task`;

const MET = `((i.comparator = '>=' AND v.value >= i.target_value) OR (i.comparator = '<=' AND v.value <= i.target_value))`;
const CLOSE = `(NOT ${MET} AND ABS(v.value - i.target_value) <= 0.05 * ABS(i.target_value))`;
const INDICATOR_COUNTS = `
  SELECT COUNT(*) AS total,
    SUM(v.value IS NOT NULL AND ${MET}) AS met,
    SUM(v.value IS NOT NULL AND ${CLOSE}) AS close,
    SUM(v.value IS NOT NULL AND NOT ${MET} AND NOT ${CLOSE}) AS notMet,
    SUM(v.value IS NULL) AS noData
  FROM indicators i LEFT JOIN indicator_values v ON v.indicator_id = i.id AND v.period = ? AND v.deleted = 0
  WHERE i.deleted = 0`;

describe('Word 情况报告', () => {
  let f: SummaryFixture;
  let docx: DocxParts;
  let body: ReturnType<typeof paragraphs>;

  beforeAll(async () => {
    f = await summaryFixture();
    docx = readDocx(await buildDocx(f.t, 'summary'));
    body = paragraphs(docx.document);
  });
  afterAll(() => f.t.close());

  it('is an A4 page with the 公文 margins, 22 lines of 28.95 pt and 28 characters of 15.75 pt', () => {
    const sectPr = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(docx.document)![0];
    // 210 × 297 mm; 1 mm = 1440 / 25.4 twips.
    expect(attr(sectPr, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sectPr, 'w:pgSz', 'w:h')).toBe('16838');
    // 37 mm = 2097.6, 35 mm = 1984.3, 28 mm = 1587.4, 26 mm = 1474.0 twips.
    expect(attr(sectPr, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(sectPr, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(sectPr, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(sectPr, 'w:pgMar', 'w:right')).toBe('1474');
    const textHeight = 16838 - 2098 - 1984;
    const textWidth = 11906 - 1587 - 1474;
    // Lines: a lines-only grid (no character grid, which LibreOffice cannot show) of the body's exact line height.
    expect(attr(sectPr, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attr(sectPr, 'w:docGrid', 'w:charSpace')).toBeUndefined();
    const pitch = Number(attr(sectPr, 'w:docGrid', 'w:linePitch'));
    const opening = body.find((p) => p.text.startsWith('截至第一季度'))!;
    expect(paragraphProperty(docx.styles, opening, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(Number(paragraphProperty(docx.styles, opening, 'w:spacing', 'w:line'))).toBe(pitch);
    // 22 lines fit the text block, 23 do not.
    expect(Math.floor(textHeight / pitch)).toBe(22);
    expect(pitch).toBe(579);
    // Characters: 16 pt narrowed by run spacing (twips) to a pitch of which 28 fill the 156 mm line.
    const spacing = Number(attr(rPrOfStyle(docx.styles, 'Normal'), 'w:spacing', 'w:val'));
    const charPitch = 320 + spacing;
    expect(Math.floor(textWidth / charPitch)).toBe(28);
    // The widest whole-twip pitch that still fits 28: one twip more would leave 27 a line.
    expect(Math.floor(textWidth / (charPitch + 1))).toBe(27);
    expect(spacing).toBe(-5);
    // Body paragraphs are justified; the first-line indent is two of those characters.
    expect(paragraphProperty(docx.styles, opening, 'w:jc', 'w:val')).toBe('both');
    expect(Number(paragraphProperty(docx.styles, opening, 'w:ind', 'w:firstLine'))).toBe(2 * charPitch);
    // Hanging punctuation on, as Word's default (LibreOffice reads it as off, and must: see docx-gongwen.ts).
    expect(/<w:pPr>[\s\S]*?<\/w:pPr>/.exec(styleOf(docx.styles, 'Normal'))![0]).toContain('<w:overflowPunct/>');
  });

  it('sets the title in 方正小标宋 2号, the body in 仿宋 3号 as the East Asian font, headings in 黑体 and 楷体', () => {
    const fonts = reportFonts();
    const title = body.find((p) => p.text.startsWith('渝北区卫生健康委关于2025年第一季度'))!;
    expect(title.text.replace('\n', '')).toBe('渝北区卫生健康委关于2025年第一季度重点工作推进情况的报告');
    expect(effectiveRun(docx.styles, title.style, title.runs[0]!)).toMatchObject({ eastAsia: fonts.title, size: 44 });
    expect(paragraphProperty(docx.styles, title, 'w:jc', 'w:val')).toBe('center');

    const opening = body.find((p) => p.text.startsWith('截至第一季度'))!;
    expect(effectiveRun(docx.styles, opening.style, opening.runs[0]!)).toEqual({ eastAsia: fonts.body, size: 32, bold: false });
    expect(paragraphProperty(docx.styles, opening, 'w:ind', 'w:firstLine')).toBe('630');

    const chapter = body.find((p) => p.text === '一、总体进展')!;
    expect(effectiveRun(docx.styles, chapter.style, chapter.runs[0]!)).toEqual({ eastAsia: fonts.heading1, size: 32, bold: false });
    const part = body.find((p) => p.text === '（一）推进健康渝北建设')!;
    expect(effectiveRun(docx.styles, part.style, part.runs[0]!)).toEqual({ eastAsia: fonts.heading2, size: 32, bold: false });
    // A lagging item's lead ("1.任务（科室）。") is bold, the text after it is not.
    const task = body.find((p) => p.text.startsWith('1.推进慢病防控（疾控科、医政科）。'))!;
    expect(effectiveRun(docx.styles, task.style, task.runs[0]!)).toEqual({ eastAsia: fonts.body, size: 32, bold: true });
    expect(effectiveRun(docx.styles, task.style, task.runs[1]!)).toEqual({ eastAsia: fonts.body, size: 32, bold: false });
  });

  it('numbers pages "— 1 —" in 宋体 4号, right on odd pages and left on even pages', () => {
    expect(docx.settings).toContain('<w:evenAndOddHeaders/>');
    const fonts = reportFonts();
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const footer = docx.footers[type]!;
      const [paragraph] = paragraphs(footer);
      expect(paragraph!.xml).toContain(`<w:jc w:val="${side}"/>`);
      const field = paragraph!.runs.map((run) => (run.includes('<w:instrText') ? `{${/<w:instrText[^>]*>([^<]*)</.exec(run)![1]!.trim()}}` : (/<w:t\b[^>]*>([^<]*)</.exec(run)?.[1] ?? ''))).join('');
      expect(field).toBe('— {PAGE} —');
      for (const run of paragraph!.runs) expect(effectiveRun(docx.styles, 'Normal', run)).toMatchObject({ eastAsia: fonts.pageNumber, size: 28 });
    }
  });

  it('carries the charts as PNG pictures that fit the 156 mm text width', () => {
    const pictures = docx.media.filter((m) => m.name.endsWith('.png'));
    expect(pictures).toHaveLength(3);
    for (const picture of pictures) {
      expect([...picture.bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngSize(picture.bytes).width).toBeGreaterThanOrEqual(1000);
    }
    const extents = [...docx.document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(extents).toHaveLength(3);
    // EMU: 156 mm × 36000.
    for (const cx of extents) expect(cx).toBeLessThanOrEqual(156 * 36000);
    expect(body.map((p) => p.text)).toEqual(expect.arrayContaining(['图1　各牵头科室重点工作进度灯分布', '图2　重点工作推进状态分布', '图3　主要指标完成情况']));
  });

  it('opens with counts that equal independent SQL counts over tasks, entries and indicators, approved only or with 待审核', async () => {
    const indicators = f.t.core.db.prepare(INDICATOR_COUNTS).get(PERIOD) as Record<string, number>;
    expect(indicators.met! + indicators.close! + indicators.notMet! + indicators.noData!).toBe(indicators.total);
    for (const [includeSubmitted, counted] of [
      [false, `'approved'`],
      [true, `'approved', 'submitted'`],
    ] as const) {
      const tasks = f.t.core.db.prepare(taskCounts(counted)).get(PERIOD) as Record<string, number>;
      // The fixture is unambiguous: every task falls in exactly one state, none near a border.
      expect(tasks.done! + tasks.onPace! + tasks.behind! + tasks.notReported!).toBe(tasks.total);
      expect(tasks.borderline).toBe(0);
      const file = await f.t.call('report.build', { kind: 'summary', format: 'docx', scope: { period: PERIOD, includeSubmitted }, save: false } as never);
      const opening = paragraphs(readDocx(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).document).find((p) => p.text.startsWith('截至第一季度'))!.text;
      const number = (pattern: RegExp) => Number(pattern.exec(opening)?.[1]);
      expect(number(/全区(\d+)项重点工作中/)).toBe(tasks.total);
      expect(number(/已完成(\d+)项/)).toBe(tasks.done);
      expect(number(/按序时推进(\d+)项/)).toBe(tasks.onPace);
      expect(number(/，滞后(\d+)项/)).toBe(tasks.behind);
      expect(number(/，未填报(\d+)项/)).toBe(tasks.notReported);
      expect(number(/部分科室未报(\d+)项/)).toBe(tasks.partial);
      expect(number(/(\d+)项主要指标中/)).toBe(indicators.total);
      expect(number(/达到目标(\d+)项/)).toBe(indicators.met);
      expect(number(/接近目标(\d+)项/)).toBe(indicators.close);
      expect(number(/未达目标(\d+)项/)).toBe(indicators.notMet);
      expect(number(/暂无数据(\d+)项/)).toBe(indicators.noData);
      // 待审核 only when submitted entries are counted: 13 is submitted and not yet reviewed.
      const pending = includeSubmitted ? [1] : [];
      expect(opening.match(/待审核(\d+)项/)?.slice(1).map(Number) ?? []).toEqual(pending);
      // No other number in the paragraph, and in this order.
      expect(opening.match(/\d+/g)!.map(Number)).toEqual([
        tasks.total,
        tasks.done,
        tasks.onPace,
        tasks.behind,
        tasks.notReported,
        tasks.partial,
        ...pending,
        indicators.total,
        indicators.met,
        indicators.close,
        indicators.notMet,
        indicators.noData,
      ]);
    }
  });

  it('drafts progress by section in sentences, the lagging items, one paragraph of what was not reported, the indicators with data and the signature', () => {
    const texts = body.map((p) => p.text);
    const start = (heading: string) => texts.indexOf(heading);
    const headings = ['一、总体进展', '二、各部分推进情况', '三、存在的问题', '四、主要指标完成情况', '五、下一步工作打算'];
    expect(headings.map(start)).toEqual([...headings.map(start)].sort((a, b) => a - b));
    expect(headings.map(start).every((i) => i > 0)).toBe(true);
    const sections = texts.slice(start('二、各部分推进情况'), start('三、存在的问题')).join('\n');
    // Each section: its tally, then its reported tasks in sentences (one paragraph here, not a line per task).
    expect(texts).toContain(
      '本部分5项工作中，已完成1项，按序时推进1项，滞后2项，未填报1项。' +
        '提升居民健康素养方面，出台全民健康素养提升三年行动方案，开展健康之声直播12场（已完成）。' +
        '推进慢病防控方面，疾控科完成高血压、糖尿病患者分色管理摸底（完成40%）；医政科慢病管理中心选址尚在论证（完成5%，进度滞后）。' +
        '保障母婴安全方面，开展孕产妇风险筛查2360人次，高危孕产妇专案管理率100%（完成35%）。' +
        '深化爱国卫生运动方面，启动春季爱国卫生运动，清理卫生死角（完成18%，进度滞后）。',
    );
    // Partly reported tasks name the leads that did not report; a returned entry is never progress.
    expect(sections).toContain('加强医保支付方式改革协同方面，医政科参与DRG付费改革数据核对（完成30%）；妇幼科的填报已退回修改。');
    expect(sections).toContain('加强卫生应急能力建设方面，疾控科修订突发公共卫生事件应急预案（完成35%）；医政科组建区级紧急医学救援队伍2支（完成30%）；公卫科逾期未报。');
    expect(texts.join('\n')).not.toContain('退回前');
    // Only approved entries count by default: the submitted 13 is not progress and says nothing of 待审核.
    expect(sections).not.toContain('健康体检');
    expect(sections).not.toContain('待审核');
    // 存在的问题: each lagging task with its light's reason, problems and measures.
    const problems = texts.slice(start('三、存在的问题'), start('四、主要指标完成情况'));
    expect(problems).toEqual([
      '三、存在的问题',
      '（一）部分工作进度滞后',
      '3项工作进度滞后（红灯2项、黄灯1项），具体如下。',
      '1.推进慢病防控（疾控科、医政科）。医政科完成5%，落后于序时进度25%。存在问题：建设资金未到位。下步措施：协调落实建设资金。',
      '2.深化爱国卫生运动（公卫科）。目前完成18%，略低于序时进度25%。存在问题：镇街参与不均衡。下步措施：开展病媒生物防制。',
      '3.推进公立医院高质量发展（医政科）。医政科报告进度滞后。存在问题：绩效考核方案未通过审议。下步措施：修改完善绩效考核方案。',
      '（二）部分科室未按时报送进展',
      '本季度重点工作中，未填报4项，部分科室未报2项，涉及2个科室。具体为：公卫科3项（第4、12、14项）逾期未报；' +
        '妇幼科1项（第9项）、公卫科1项（第15项）已退回修改，待重新报送；妇幼科1项（第13项）已报送、待办公室审核，未纳入本报告统计。',
      '（三）各科室反映的困难和问题',
      '1.疾控科。基层随访人员不足。',
      '2.公卫科。签约后履约服务质量不高。',
    ]);
    // "无", "暂无" and "无。" typed by clerks are never pasted; nothing doubles its punctuation.
    for (const text of texts) expect(text, text).not.toMatch(/[，；：]无[。；，]|；。|，。|。。|；；/);
    // The indicator table: header in bold, one row per indicator with data; the rest in one sentence.
    expect(texts).toContain(
      '纳入监测的5项主要指标中，本季度有数据的4项，其中达到目标2项，接近目标1项，未达目标1项，详见表1。' +
        '尚未达到目标的有：婴儿死亡率（本期3.1‰，目标≤3‰）、重点人群签约服务覆盖率（本期60%，目标≥85%）。另有1项指标（救护培训人次）本季度暂无数据。',
    );
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(docx.document)![0];
    const rows = [...table.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphs(cell[0])[0]!));
    expect(rows[0]!.map((cell) => cell.text)).toEqual(['指标', '单位', '目标', '本期值', '完成情况', '是否达标']);
    expect(rows[0]!.every((cell) => effectiveRun(docx.styles, cell.style, cell.runs[0]!).bold)).toBe(true);
    expect(effectiveRun(docx.styles, rows[1]![0]!.style, rows[1]![0]!.runs[0]!)).toEqual({ eastAsia: reportFonts().body, size: 24, bold: false });
    expect(rows.slice(1).map((row) => [row[0]!.text, row[3]!.text, row[5]!.text])).toEqual([
      ['居民健康素养水平', '39', '是'],
      ['孕产妇死亡率', '8', '是'],
      ['婴儿死亡率', '3.1', '接近'],
      ['重点人群签约服务覆盖率', '60', '否'],
    ]);
    expect(table).toContain('<w:tblHeader/>');
    // 下一步: each department's 下步打算 once, lagging tasks first.
    expect(texts).toContain('2.医政科。协调落实建设资金；修改完善绩效考核方案；扩大双向转诊病种范围。');
    expect(texts).toContain('4.妇幼科。开展产科急救演练。');
    // The figures are the 附件 after the 落款, on a page of their own, announced under the text.
    const label = body.findIndex((p) => p.text === '附件');
    expect(label).toBeGreaterThan(0);
    expect(body[label]!.xml).toContain('<w:pageBreakBefore/>');
    expect(body.slice(label + 1).map((p) => p.text).filter((t) => t.startsWith('图'))).toEqual(['图1　各牵头科室重点工作进度灯分布', '图2　重点工作推进状态分布', '图3　主要指标完成情况']);
    const text = body.slice(0, label);
    // Signature: office, then the date of generation in Chinese, both right-aligned.
    const office = text.findLast((p) => p.text === '渝北区卫生健康委')!;
    const date = text.at(-1)!;
    expect(date.text).toBe('2025年4月20日');
    expect(text.indexOf(office)).toBe(text.length - 2);
    // The 附件说明 and the last paragraph before the signature keep it company on its page.
    expect(text.at(-4)!.text).toBe('附件：重点工作推进情况图表');
    expect(text.at(-5)!.text).toBe('办公室将加强统筹调度和督促检查，对进度滞后的工作逐项分析原因，明确整改措施和完成时限，督促相关科室及时报送、修改进展情况，确保全年目标任务按期完成。');
    expect(text.at(-5)!.xml).toContain('<w:keepNext/>');
    expect(text.at(-4)!.xml).toContain('<w:keepNext/>');
    expect(text.at(-3)!.xml).toContain('<w:keepNext/>');
    expect(paragraphProperty(docx.styles, date, 'w:jc', 'w:val')).toBe('right');
  });

  it('with 含待审核, reports the submitted entry marked （待审核）', async () => {
    const file = await f.t.call('report.build', { kind: 'summary', format: 'docx', scope: { period: PERIOD, includeSubmitted: true }, save: false } as never);
    const texts = paragraphs(readDocx(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).document).map((p) => p.text);
    expect(texts.join('\n')).toContain('开展健康体检进社区方面，完成4个社区健康体检，服务居民3200人次（完成40%，待审核）。');
    expect(texts.join('\n')).not.toContain('退回前');
    expect(texts.find((t) => t.startsWith('本季度重点工作中，'))).toBe(
      '本季度重点工作中，未填报3项，部分科室未报2项，涉及2个科室。具体为：公卫科3项（第4、12、14项）逾期未报；妇幼科1项（第9项）、公卫科1项（第15项）已退回修改，待重新报送。',
    );
  });
});

describe('the report date', () => {
  let f: SummaryFixture;
  beforeAll(async () => {
    f = await summaryFixture();
  });
  afterAll(() => f.t.close());

  it('is the day chosen, in the 落款 of the 情况报告 and the 催办通知, not the day the file is made', async () => {
    for (const kind of ['summary', 'reminders'] as const) {
      const all = paragraphs(readDocx(await buildDocx(f.t, kind, '2025-04-12')).document).map((p) => p.text);
      // The text ends with the 落款 (the 情况报告's figures follow as its 附件).
      const texts = all.includes('附件') ? all.slice(0, all.indexOf('附件')) : all;
      // The fixture's clock says 2025-04-20: that day appears nowhere, the chosen one closes the text.
      expect(texts.at(-1), kind).toBe('2025年4月12日');
      expect(texts.at(-2), kind).toBe('渝北区卫生健康委');
      expect(all.join('\n'), kind).not.toContain('2025年4月20日');
    }
  });

  it('refuses a day that is not one, in Chinese, and says which field', async () => {
    for (const date of ['2025-02-30', '2025/04/12', '20250412', '2025-4-12', '']) {
      const result = await f.t.raw('report.build', { kind: 'summary', format: 'docx', scope: { period: PERIOD }, save: false, date });
      expect(result, date).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { date: '报告日期应为有效日期，格式 YYYY-MM-DD，例如 2025-04-12' } } });
    }
  });
});

describe('Word 情况报告 without data', () => {
  it('says so in sentences instead of empty headings, and still opens and signs', async () => {
    const t = await createTestCore({ now: () => localNoon('2025-04-20') });
    await t.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    const docx = readDocx(await buildDocx(t, 'summary'));
    const texts = paragraphs(docx.document).map((p) => p.text).filter((text) => text !== '');
    expect(texts).toEqual([
      '渝北区卫生健康委关于2025年第一季度\n重点工作推进情况的报告',
      '截至第一季度，全区暂无纳入台账的重点工作。现将有关情况报告如下。',
      '一、下一步工作打算',
      '继续加强统筹调度和督促检查，确保全年目标任务按期完成。',
      '渝北区卫生健康委',
      '2025年4月20日',
    ]);
    expect(docx.media).toEqual([]);
    t.close();
  });
});

describe('Word 催办通知', () => {
  it('lists each department’s lagging, 逾期未报 and returned items with reasons on the same 公文 page', async () => {
    const f = await summaryFixture();
    const docx = readDocx(await buildDocx(f.t, 'reminders'));
    const body = paragraphs(docx.document);
    const texts = body.map((p) => p.text);
    expect(texts[0]!.replace('\n', '')).toBe('渝北区卫生健康委关于2025年第一季度重点工作催办事项的通知');
    expect(texts).toContain('各相关科室：');
    // Every item of the model appears under its department, in the model's order (behind first, red before yellow).
    const model = await f.t.call('report.model', { kind: 'reminders', scope: { period: PERIOD } } as never);
    const items = model.reminders.reduce((n, g) => n + g.items.length, 0);
    expect(texts.find((t) => t.startsWith('根据2025年第一季度重点工作推进情况'))).toContain(`${model.reminders.length}个科室牵头的${items}项工作`);
    for (const [index, group] of model.reminders.entries()) {
      const heading = texts.indexOf(`${'一二三四五六七八九'[index]}、${group.departmentName}（${group.items.length}项）`);
      expect(heading).toBeGreaterThan(0);
      expect(body[heading]!.style).toBe('Heading1');
      group.items.forEach((item, i) => {
        const line = texts[heading + 1 + i]!;
        const label = item.kind === 'behind' ? (item.color === 'red' ? '红灯' : '黄灯') : item.kind === 'late' ? '逾期未报' : '已退回修改';
        expect(line.startsWith(`${i + 1}.${item.title}。${label}：`), line).toBe(true);
        // A department that did not report is said to be so, never "not started" or behind.
        if (item.kind === 'late') expect(line).toContain('本季度进展逾期未报，请尽快报送。');
        else if (item.kind === 'returned') expect(line).toContain('填报已被退回修改，尚未重新报送。');
        else expect(line).toContain(item.reason.replace(`“${item.title}”`, ''));
        expect(line).toContain('完成时限：2025年12月底。');
      });
    }
    // 公卫科: its 18% task behind first, then the tasks it did not report by the deadline (逾期未报)
    // and the one returned to it; 医政科's 滞后 task and its 5% share of 推进慢病防控; 妇幼科's returned entry.
    expect(model.reminders.map((g) => [g.departmentName, g.items.map((i) => `${i.number}${i.kind === 'behind' ? '' : `:${i.kind}`}`)])).toEqual([
      ['公卫科', ['5', '4:late', '12:late', '14:late', '15:returned']],
      ['医政科', ['2', '8']],
      ['妇幼科', ['9:returned']],
    ]);
    // The closing line stays on the page of the signature.
    const closing = body.find((p) => p.text === '特此通知。')!;
    expect(closing.xml).toContain('<w:keepNext/>');
    expect(texts.slice(-2)).toEqual(['渝北区卫生健康委', '2025年4月20日']);
    expect(docx.settings).toContain('<w:evenAndOddHeaders/>');
    expect(attr(docx.document, 'w:pgMar', 'w:left')).toBe('1587');
    f.t.close();
  });
});

describe('Word 情况报告 from what clerks type', () => {
  it('drops characters Word refuses, keeps markup characters as text, and fits a tall chart on the page', async () => {
    const f = await summaryFixture();
    const model = (await f.t.call('report.model', { kind: 'summary', scope: { period: PERIOD } } as never)) as ReportModel;
    f.t.close();
    const messy: ReportModel = {
      ...model,
      tasks: model.tasks.map((task, i) =>
        i === 0 ? { ...task, departments: ['R&D<科>'], entries: task.entries.map((e) => ({ ...e, departmentName: 'R&D<科>', progress: '已开展\u0007监测\n覆盖11个镇街', problems: '人员不足\n经费不足' })) } : task,
      ),
    };
    const docx = readDocx(await summaryDocument(messy));
    expect(docx.document).not.toMatch(XML_INVALID);
    const texts = paragraphs(docx.document).map((p) => p.text);
    expect(texts.some((t) => t.includes('提升居民健康素养方面，已开展监测，覆盖11个镇街（已完成）。'))).toBe(true);
    expect(texts).toContain('1.R&D<科>。人员不足；经费不足。');
    expect(docx.document).toContain('R&amp;D&lt;科&gt;');
    // The department's name went through the chart's SVG too: three pictures were drawn.
    expect(docx.media).toHaveLength(3);

    const tall = { png: encodePng(new Uint8Array(4 * 2 * 2).fill(255), 2, 0, 0, 2, 2), pixelWidth: 2, pixelHeight: 2, width: 580, height: 2000 };
    const page = readDocx(await gongwenDocument({ title: '图', fonts: reportFonts(), creator: '测试', children: figure(tall, '图1　很高的图') }));
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(page.document)!.slice(1).map(Number);
    // EMU (36000 per mm): within the 156 × 225 mm block with room for the caption, proportions kept.
    expect(cy).toBeLessThanOrEqual(225 * 36000 - 2 * 579 * 635);
    expect(cx! / cy!).toBeCloseTo(580 / 2000, 2);
  });
});
