import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftReport, topicOf } from '../../shared/reports/draft';
import type { EntryFields } from '../../shared/api/progress';
import type { ReportModel } from '../../shared/api/reports';
import { localNoon } from '../core/progress-fixture';
import { createTestCore, tempDir, type TestCore } from '../helpers/core';
import { PERIOD, summaryFixture, type SummaryFixture } from './docx-fixture';
import { paragraphs, readDocx } from './docx-xml';
import { convertToPdf, pdfInfo, pdfLines, pdfText, pdfWords, renderPngs, requireTool, withoutSpaces, type PdfLine, type PdfWord } from './pdf-tools';

/*
 * The Word reports as a printer gets them from LibreOffice: the file exactly as sent is converted
 * to PDF, poppler reads the words back with their boxes and draws the pages as PNGs (left in the
 * temp folder to look at). Two reports: the fixture's 情况报告 (title, numbers, figures, table,
 * page numbers, the chosen date) and a long one of 36 tasks with several pages of body text, on
 * which the 公文 page is counted: 28 characters a line, 22 lines a page.
 */

const MM = 72 / 25.4;
/** The text block in points from the page's top left: 28 mm in, 26 mm from the right, 37 mm down, 35 mm from the bottom. */
const BLOCK = { left: 28 * MM, right: (210 - 26) * MM, top: 37 * MM, bottom: (297 - 35) * MM };
/** Body lines: 28.95 pt apart (579 twips); characters 15.75 pt apart (16 pt less 0.25 pt spacing). */
const LINE_PITCH = 28.95;
const CHAR_PITCH = 15.75;

interface Rendered {
  readonly pdf: string;
  readonly pages: number;
  readonly words: PdfWord[];
  readonly text: string;
}

async function render(dir: string, name: string, bytes: Uint8Array): Promise<Rendered> {
  const docx = path.join(dir, `${name}.docx`);
  fs.writeFileSync(docx, bytes);
  const pdf = await convertToPdf(docx, dir);
  const info = await pdfInfo(pdf);
  expect(info.report).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  await renderPngs(pdf, path.join(dir, name));
  return { pdf, pages: info.pages, words: await pdfWords(pdf), text: withoutSpaces(await pdfText(pdf, 'raw')) };
}

async function buildSummary(t: TestCore, date: string): Promise<Uint8Array> {
  const file = await t.call('report.build', { kind: 'summary', format: 'docx', scope: { period: PERIOD }, save: false, date } as never);
  return new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
}

/** Page numbers as printed: each page's "— n —" words (the dashes and the number are separate words). */
function pageNumbers(rendered: Rendered): { page: number; text: string; x0: number; x1: number; y0: number }[] {
  const found = [];
  for (let page = 1; page <= rendered.pages; page++) {
    const low = rendered.words.filter((w) => w.page === page && w.y0 > BLOCK.bottom);
    found.push({ page, text: withoutSpaces(low.map((w) => w.text).join('')), x0: Math.min(...low.map((w) => w.x0)), x1: Math.max(...low.map((w) => w.x1)), y0: Math.min(...low.map((w) => w.y0)) });
  }
  return found;
}

/*
 * The long report: 36 tasks in three sections, one lead each, every entry approved, progress of
 * three sentences (one in ten with figures), so that 二、各部分推进情况 runs over pages.
 */
// Mostly words (figures take half a cell and are left out of the count), one phrase with figures.
const PHRASES = [
  '组织开展专项督导检查，覆盖全区各镇街和各级医疗机构',
  '完成年度实施方案制定并印发各相关单位执行',
  '召开专题推进会议，梳理问题清单并逐项明确责任人和完成时限',
  '建立工作台账，实行月调度、季通报，确保各项措施落到实处',
  '累计培训基层医务人员1260人次，考核合格率达到96.5%',
  '联合区财政局落实专项资金，保障项目建设顺利推进',
  '对照目标任务逐项分析进度，对滞后事项实行挂牌督办',
  '完善部门协作机制，形成上下联动、齐抓共管的工作格局',
  '开展群众满意度调查，广泛听取服务对象的意见和建议',
  '推动信息系统互联互通，实现数据实时共享和动态监测',
];
const SUBJECTS = ['健康素养', '慢病管理', '母婴安全', '精神卫生', '爱国卫生', '医共体', '分级诊疗', '公立医院', '医保协同', '家庭医生', '智慧医疗', '人才队伍'];

function progressText(i: number): string {
  const sentences = [0, 1, 2].map((k) => PHRASES[(i * 3 + k * 7) % PHRASES.length]!);
  return `围绕${SUBJECTS[i % SUBJECTS.length]}工作，${sentences.join('；')}。`;
}

async function longReport(): Promise<{ t: TestCore; bytes: Uint8Array }> {
  const t = await createTestCore({ now: () => localNoon('2025-04-20') });
  // The office approves what is reported (only approved entries go to the superior).
  if ((await t.call('settings.get', {})).role !== 'reviewer') await t.call('settings.update', { role: 'reviewer' });
  const departments = [];
  for (const name of ['疾控科', '妇幼科', '医政科', '公卫科']) departments.push((await t.call('departments.create', { name, aliases: [] })).id);
  const plan = await t.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const sections = ['推进健康渝北建设', '深化医药卫生体制改革', '提升基层服务能力'];
  for (let s = 0; s < sections.length; s++) {
    const section = await t.call('sections.create', { planId: plan.id, label: `${'一二三'[s]}、`, title: sections[s]! });
    for (let k = 0; k < 12; k++) {
      const i = s * 12 + k;
      const lead = departments[i % departments.length]!;
      const task = await t.call('tasks.create', { planId: plan.id, sectionId: section.id, number: String(i + 1), title: `${['加强', '提升', '完善'][Math.floor(i / SUBJECTS.length)]}${SUBJECTS[i % SUBJECTS.length]}工作`, deadline: '2025年12月底', leadDepartmentIds: [lead] });
      const fields: EntryFields = { status: '推进中', percent: 30 + (i % 5) * 10, progressText: progressText(i), problemsText: '', nextStepsText: '持续推进各项工作' };
      const saved = await t.call('progress.save', { taskId: task.id, departmentId: lead, period: PERIOD, fields, submit: true });
      await t.call('progress.review', { id: saved.id, decision: 'approve', comment: '' });
    }
  }
  return { t, bytes: await buildSummary(t, '2025-04-12') };
}

/** Characters that take a full 3号 cell: ideographs and full-width punctuation. */
const FULL_WIDTH = /^[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e“”‘’—…·]+$/u;
/** Marks that may not end a line (they go down with the next character) or start one (the character before comes down with them). */
const NOT_AT_END = '（《“‘【';
const NOT_AT_START = '，。、；：？！）》”’】';

/** A body text line: 3号, boxes about 20.8 pt tall (titles, captions and tables are larger or smaller). */
const isBody = (line: PdfLine) => line.y1 - line.y0 > 19 && line.y1 - line.y0 < 23;

/** Body text lines in the text block, in page order. */
function bodyLines(rendered: Rendered): PdfLine[] {
  return pdfLines(rendered.words).filter((line) => line.y0 < BLOCK.bottom && isBody(line));
}

/** 一、 and （一） headings, kept with the paragraph after them. */
const HEADING = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

const atLeft = (line: PdfLine) => Math.abs(line.x0 - BLOCK.left) < 2;
const indented = (line: PdfLine) => Math.abs(line.x0 - (BLOCK.left + 2 * CHAR_PITCH)) < 2;

/** The next line of the same paragraph: directly below (or first on the next page) and not indented. */
function continuation(lines: readonly PdfLine[], index: number): PdfLine | null {
  const line = lines[index]!;
  const next = lines[index + 1];
  if (!next || !atLeft(next)) return null;
  if (next.page === line.page) return Math.abs(next.y1 - line.y1 - LINE_PITCH) < 1.5 ? next : null;
  return next.page === line.page + 1 && next === lines.find((l) => l.page === next.page) ? next : null;
}

let f: SummaryFixture;
let long: TestCore;
let model: ReportModel;
let dir: string;
let sent: Rendered;
let longSent: Rendered;
let longDocText: string[];

beforeAll(async () => {
  requireTool('soffice', 'libreoffice-writer-nogui');
  requireTool('pdftotext', 'poppler-utils');
  requireTool('pdftoppm', 'poppler-utils');
  dir = tempDir('tl-docx-visual-');
  f = await summaryFixture();
  model = await f.t.call('report.model', { kind: 'summary', scope: { period: PERIOD } } as never);
  sent = await render(dir, 'report', await buildSummary(f.t, '2025-04-12'));
  const built = await longReport();
  long = built.t;
  longDocText = paragraphs(readDocx(built.bytes).document).map((p) => p.text);
  longSent = await render(dir, 'long', built.bytes);
  console.log(`情况报告 PDFs and page images: ${dir} (report-*.png: the fixture, long-*.png: 36 tasks)`);
}, 300_000);

afterAll(() => {
  f?.t.close();
  long?.close();
});

describe('情况报告 printed through LibreOffice', () => {
  it('prints the title, the opening numbers, every task title, the chosen date and the page numbers', () => {
    const draft = draftReport(model, { date: '2025-04-12' });
    expect(sent.text).toContain(withoutSpaces(draft.title));
    const opening = withoutSpaces(draft.summary);
    expect(sent.text).toContain(opening);
    // The numbers themselves, in order, as they print (SQL checks them against the data in docx-summary.test.ts).
    expect(opening.match(/\d+/g)).toEqual(['15', '3', '5', '3', '4', '2', '5', '2', '1', '1', '1']);
    // Reported tasks by name in their section's sentences; the unreported ones in one paragraph by number.
    for (const task of model.tasks.filter((t) => t.state !== '未填报')) expect(sent.text, task.title).toContain(withoutSpaces(`${topicOf(task.title)}方面`));
    expect(sent.text).toContain('公卫科3项（第4、12、14项）逾期未报');
    // The 落款 is the day chosen on 报表; the day the file was made (the fixture's clock) is nowhere.
    expect(sent.text).toContain(`${withoutSpaces(draft.signature.office)}2025年4月12日`);
    expect(sent.text).not.toContain('2025年4月20日');
    for (const rendered of [sent, longSent]) {
      const numbers = pageNumbers(rendered);
      expect(numbers.map((n) => n.text)).toEqual(numbers.map((n) => `—${n.page}—`));
    }
  });

  it('fills a few pages of the 22-line block, page numbers outside and 7 mm under it', () => {
    // 15 tasks, 3 figures and a table: four to six pages of 22 lines of 28 characters.
    expect(sent.pages).toBeGreaterThanOrEqual(4);
    expect(sent.pages).toBeLessThanOrEqual(6);
    expect(fs.readdirSync(dir).filter((name) => /^report-\d+\.png$/.test(name))).toHaveLength(sent.pages);
    for (const number of [...pageNumbers(sent), ...pageNumbers(longSent)]) {
      // Odd pages right, even pages left, one 4号 character (14 pt) in from the block's edge.
      if (number.page % 2 === 1) expect(BLOCK.right - number.x1).toBeCloseTo(14, -1);
      else expect(number.x0 - BLOCK.left).toBeCloseTo(14, -1);
      // GB/T 9704: the dash line sits 7 mm below the text block (the glyph box starts a little above the ink).
      expect(number.y0 - BLOCK.bottom).toBeGreaterThan(5 * MM);
      expect(number.y0 - BLOCK.bottom).toBeLessThan(9 * MM);
    }
  });

  it('keeps every word inside the text block, no mark hanging past the margin, the title centred on it', () => {
    for (const rendered of [sent, longSent]) {
      for (const w of rendered.words.filter((word) => word.y0 < BLOCK.bottom)) {
        expect(w.x0, w.text).toBeGreaterThanOrEqual(BLOCK.left - 1);
        expect(w.x1, w.text).toBeLessThanOrEqual(BLOCK.right + 1);
        expect(w.y0, w.text).toBeGreaterThanOrEqual(BLOCK.top - 14);
      }
    }
    const titleLine = sent.words.filter((w) => w.page === 1 && w.y0 < BLOCK.top + 30);
    const centre = (Math.min(...titleLine.map((w) => w.x0)) + Math.max(...titleLine.map((w) => w.x1))) / 2;
    expect(centre).toBeCloseTo((BLOCK.left + BLOCK.right) / 2, -1);
  });

  it('prints every paragraph whole, every punctuation mark included (LibreOffice drops marks that hang from a justified line)', () => {
    expect(longSent.pages).toBeGreaterThanOrEqual(6);
    // The text block's lines in reading order, without the page numbers between pages.
    const printed = withoutSpaces(pdfLines(longSent.words.filter((w) => w.y0 < BLOCK.bottom)).map((line) => line.text).join(''));
    for (const text of longDocText.filter((t) => t !== '')) expect(printed, text).toContain(withoutSpaces(text));
    const source = withoutSpaces(longDocText.join(''));
    for (const mark of '，。、；（）') expect([mark, printed.split(mark).length - 1]).toEqual([mark, source.split(mark).length - 1]);
  });

  it('sets 28 characters on every full line of body text', () => {
    const lines = bodyLines(longSent);
    let exact = 0;
    let checked = 0;
    for (const [index, line] of lines.entries()) {
      const next = continuation(lines, index);
      // Full lines only (the paragraph goes on below), of full-width characters only (figures are half a cell, and vary).
      if (!next || !FULL_WIDTH.test(line.text) || !(atLeft(line) || indented(line))) continue;
      checked++;
      const cells = [...line.text].length + (indented(line) ? 2 : 0);
      const where = `page ${line.page}: ${line.text} / ${next.text}`;
      // The characters stand on the 15.75 pt pitch from the line's start (justification adds at most a point a character).
      const pitch = (line.x1 - line.x0 - 16) / ([...line.text].length - 1);
      expect(pitch, where).toBeGreaterThanOrEqual(CHAR_PITCH - 0.01);
      if (cells === 28) {
        exact++;
        expect(pitch, where).toBeLessThan(CHAR_PITCH + 0.1);
        continue;
      }
      // Fewer only where line breaking moves characters down: a mark that may not end a line, one
      // that may not start one coming next (the character before it goes down with it), or a
      // figure or Latin word, which is not split (with the marks after it: "30%）。").
      const [first, second] = [...next.text];
      expect(cells, where).toBeGreaterThanOrEqual(24);
      expect(cells, where).toBeLessThan(28);
      expect(NOT_AT_END.includes(first!) || NOT_AT_START.includes(second ?? '') || !FULL_WIDTH.test(first!), where).toBe(true);
    }
    // Most full lines are counted, and most of those hold 28 (the rest were explained above).
    expect(checked).toBeGreaterThanOrEqual(40);
    expect(exact).toBeGreaterThanOrEqual(30);
  });

  it('sets 22 lines on every full page, 28.95 pt apart, and never more', () => {
    const inBlock = pdfLines(longSent.words).filter((line) => line.y0 < BLOCK.bottom);
    const lines = inBlock.filter(isBody);
    let full = 0;
    for (let page = 1; page <= longSent.pages; page++) {
      const own = lines.filter((line) => line.page === page);
      expect(own.length, `page ${page}`).toBeLessThanOrEqual(22);
      // A text-only page: its baselines step by the line pitch.
      if (inBlock.filter((line) => line.page === page).length !== own.length) continue;
      const steps = own.slice(1).map((line, i) => line.y1 - own[i]!.y1);
      for (const step of steps) expect(Math.abs(step / LINE_PITCH - Math.round(step / LINE_PITCH)) * LINE_PITCH, `page ${page}: line step ${step}`).toBeLessThan(1.5);
      // A full page: body text goes on at the top of the next page, and not with a heading that
      // keeps with its paragraph (or a picture): nothing but the block's end stopped this one.
      // (The last page is left out: the closing paragraph goes over whole with the 署名.)
      const overleaf = inBlock.find((line) => line.page === page + 1);
      if (page + 1 >= longSent.pages || !overleaf || !lines.includes(overleaf) || overleaf.y0 > BLOCK.top + LINE_PITCH || HEADING.test(overleaf.text)) continue;
      full++;
      expect(own.length, `page ${page}`).toBe(22);
      expect(steps.every((step) => Math.abs(step - LINE_PITCH) < 1.5), `page ${page}`).toBe(true);
      expect(own.at(-1)!.y1).toBeLessThanOrEqual(BLOCK.bottom);
    }
    expect(full).toBeGreaterThanOrEqual(2);
  });
});
