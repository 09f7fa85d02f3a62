import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../shared/api/reports';
import { lightColors } from '../../shared/domain/progress-status';
import { joinEntries } from '../../shared/reports/columns';
import { lightFill } from '../../renderer/src/charts/colors';
import { tempDir } from '../helpers/core';
import { PERIOD, reportFixture, type ReportFixture } from './xlsx-fixture';
import { convertToPdf, hexToRgb, libreOfficeProfile, pdfInfo, pdfWords, rasterPage, renderPngs, requireTool, withoutSpaces, type PdfWord } from './pdf-tools';

/*
 * The 台账 as a printer gets it: LibreOffice converts the workbook to PDF, poppler reads the
 * words back with their boxes. Every task's number, title and full 进展情况 must print inside
 * its own row (a clipped line either goes missing or runs into the next row), the header row and
 * page numbers must be on every page, and the light colours must reach the paper. PNGs of the
 * pages are left in the temp folder for a person to look at.
 */

const EXTRA_TASKS = 14;

let f: ReportFixture;
let model: ReportModel;
let dir: string;
let pages = 0;
let words: PdfWord[] = [];
let pdf: string;

beforeAll(async () => {
  requireTool('soffice', 'libreoffice-calc-nogui');
  requireTool('pdftotext', 'poppler-utils');
  requireTool('pdftoppm', 'poppler-utils');
  f = await reportFixture({ extraTasks: EXTRA_TASKS });
  model = await f.call('report.model', { kind: 'ledger', scope: { period: PERIOD } as never });
  const file = await f.call('report.build', { kind: 'ledger', format: 'xlsx', scope: { period: PERIOD } as never, save: false });
  dir = tempDir('tl-xlsx-visual-');
  const xlsx = path.join(dir, 'ledger.xlsx');
  fs.writeFileSync(xlsx, Buffer.from(file.contentBase64, 'base64'));
  pdf = await convertToPdf(xlsx, dir);
  const info = await pdfInfo(pdf);
  pages = info.pages;
  expect(info.report).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
  words = await pdfWords(pdf);
  await renderPngs(pdf, path.join(dir, 'page'));
  console.log(`台账 PDF and page images: ${dir}`);
}, 200_000);

afterAll(() => {
  f?.t.close();
  // The PDF and PNGs stay for a person to look at; LibreOffice's profile is only clutter.
  if (dir) fs.rmSync(libreOfficeProfile(dir), { recursive: true, force: true });
});

describe('台账 printed through LibreOffice', () => {
  it('runs over several A4 landscape pages, each with the header row and “第 n 页，共 N 页”', () => {
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(fs.readdirSync(dir).filter((name) => /^page-\d+\.png$/.test(name))).toHaveLength(pages);
    for (let page = 1; page <= pages; page++) {
      const onPage = words.filter((w) => w.page === page);
      // The last column prints on every page too: the sheet fits one page wide.
      for (const header of ['序号', '工作任务', '进展情况', '灯']) expect(onPage.some((w) => w.text === header), `${header} on page ${page}`).toBe(true);
      expect(withoutSpaces(onPage.map((w) => w.text).join(' '))).toContain(`第${page}页，共${pages}页`);
      for (const w of onPage) expect(w.x1, `${w.text} inside page ${page}`).toBeLessThanOrEqual(841.89);
    }
  });

  it('prints every task number and title, and every 进展情况 whole inside its own row', () => {
    expect(model.tasks.length).toBe(8 + EXTRA_TASKS);
    const headerOf = (text: string) => words.find((w) => w.page === 1 && w.text === text)!;
    const numberRight = headerOf('序号').x1;
    // Left-aligned lines of a column all start at its left edge: the first start right of the previous header.
    const columnStart = (previousHeader: string) => Math.min(...words.filter((w) => w.x0 > headerOf(previousHeader).x1).map((w) => w.x0));
    const inColumn = (x: number) => (w: PdfWord) => Math.abs(w.x0 - x) < 1;
    const titleColumn = inColumn(columnStart('序号'));
    const progressColumn = inColumn(columnStart('完成时限'));
    // Row starts: task numbers in the 序号 column; bands (sections, totals) and the footer also end a row.
    const headerBottom = new Map(words.filter((w) => w.text === '序号').map((w) => [w.page, w.y1]));
    const numberWords = words.filter((w) => w.x1 <= numberRight + 2 && /^\d+$/.test(w.text) && w.y0 > headerBottom.get(w.page)!);
    const rowEnds = words.filter((w) => (w.x0 < numberRight && !/^\d+$/.test(w.text) && w.text !== '序号') || w.text.startsWith('第'));
    for (const task of model.tasks) {
      const start = numberWords.filter((w) => w.text === task.number);
      expect(start, `task ${task.number} printed once`).toHaveLength(1);
      const top = start[0]!;
      const next = [...numberWords, ...rowEnds].filter((w) => w.page === top.page && w.y0 > top.y1).sort((a, b) => a.y0 - b.y0)[0];
      expect(next, `something follows task ${task.number}`).toBeDefined();
      const inRow = words.filter((w) => w.page === top.page && w.y0 >= top.y0 - 3 && w.y0 < next!.y0);
      const title = inRow.filter(titleColumn);
      expect(withoutSpaces(title.map((w) => w.text).join('')), `title of ${task.number}`).toBe(withoutSpaces(task.title));
      const progress = inRow.filter(progressColumn);
      expect(withoutSpaces(progress.map((w) => w.text).join('')), `进展情况 of ${task.number}`).toBe(withoutSpaces(joinEntries(task.entries, (e) => e.progress)));
      // A line running past the row's bottom would be clipped on paper.
      for (const line of progress) expect(line.y1, `last line of task ${task.number}`).toBeLessThanOrEqual(next!.y0);
    }
  });

  it('puts the four light colours on the paper', async () => {
    const { width, height, rgb } = await rasterPage(pdf, 1, 60);
    const counts = new Map<string, number>(lightColors.map((c) => [c, 0]));
    const targets = lightColors.map((color) => ({ color, rgb: hexToRgb(lightFill[color]) }));
    for (let p = 0; p < width * height; p++) {
      const [r, g, b] = [rgb[p * 3]!, rgb[p * 3 + 1]!, rgb[p * 3 + 2]!];
      for (const target of targets) {
        if (Math.abs(r - target.rgb[0]) + Math.abs(g - target.rgb[1]) + Math.abs(b - target.rgb[2]) < 24) counts.set(target.color, counts.get(target.color)! + 1);
      }
    }
    // A light cell at 60 dpi is at least a few dozen pixels of solid colour.
    for (const color of lightColors) expect(counts.get(color), color).toBeGreaterThan(40);
  });
});
