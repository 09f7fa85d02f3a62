import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../shared/api/reports';
import { lightColors } from '../../shared/domain/progress-status';
import { joinEntries } from '../../shared/reports/columns';
import { lightFill } from '../../renderer/src/charts/colors';
import { tempDir } from '../helpers/core';
import { PERIOD, reportFixture, type ReportFixture } from './xlsx-fixture';

/*
 * The 台账 as a printer gets it: LibreOffice converts the workbook to PDF, poppler reads the
 * words back with their boxes. Every task's number, title and full 进展情况 must print inside
 * its own row (a clipped line either goes missing or runs into the next row), the header row and
 * page numbers must be on every page, and the light colours must reach the paper. PNGs of the
 * pages are left in the temp folder for a person to look at.
 */

const run = promisify(execFile);
const EXTRA_TASKS = 14;

function requireTool(tool: string, packageName: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
  } catch {
    throw new Error(`${tool} is not installed: the visual report test needs it (apt-get install -y ${packageName})`);
  }
}

interface Word {
  readonly page: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly text: string;
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** `pdftotext -bbox` output as words with their page (1-based) and box in points. */
function parseWords(html: string): Word[] {
  const words: Word[] = [];
  const pages = html.split('<page ').slice(1);
  pages.forEach((page, index) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: index + 1, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: decodeXml(m[5]!) });
    }
  });
  return words;
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** A binary PPM (P6) as width, height and RGB bytes. */
function readPpm(file: string): { width: number; height: number; rgb: Buffer } {
  const data = fs.readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error(`not a binary PPM: ${file}`);
  return { width: Number(header[1]), height: Number(header[2]), rgb: data.subarray(header[0].length) };
}

let f: ReportFixture;
let model: ReportModel;
let dir: string;
let pages = 0;
let words: Word[] = [];

beforeAll(async () => {
  requireTool('soffice', 'libreoffice-calc-nogui');
  requireTool('pdftotext', 'poppler-utils');
  f = await reportFixture({ extraTasks: EXTRA_TASKS });
  model = await f.call('report.model', { kind: 'ledger', scope: { period: PERIOD } as never });
  const file = await f.call('report.build', { kind: 'ledger', format: 'xlsx', scope: { period: PERIOD } as never, save: false });
  dir = tempDir('tl-xlsx-visual-');
  const xlsx = path.join(dir, 'ledger.xlsx');
  fs.writeFileSync(xlsx, Buffer.from(file.contentBase64, 'base64'));
  // A profile of its own: a desktop LibreOffice (or another test) holding the default one would block the conversion.
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { timeout: 150_000 });
  const pdf = path.join(dir, 'ledger.pdf');
  const info = (await run('pdfinfo', [pdf])).stdout;
  pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
  words = parseWords((await run('pdftotext', ['-bbox', pdf, '-'])).stdout);
  await run('pdftoppm', ['-r', '60', '-png', pdf, path.join(dir, 'page')]);
  await run('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'first')]);
  console.log(`台账 PDF and page images: ${dir}`);
}, 200_000);

afterAll(() => {
  f?.t.close();
  // The PDF and PNGs stay for a person to look at; LibreOffice's profile is only clutter.
  if (dir) fs.rmSync(path.join(dir, 'lo-profile'), { recursive: true, force: true });
});

describe('台账 printed through LibreOffice', () => {
  it('runs over several A4 landscape pages, each with the header row and “第 n 页，共 N 页”', () => {
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(fs.readdirSync(dir).filter((name) => /^page-\d+\.png$/.test(name))).toHaveLength(pages);
    for (let page = 1; page <= pages; page++) {
      const onPage = words.filter((w) => w.page === page);
      // The last column prints on every page too: the sheet fits one page wide.
      for (const header of ['序号', '工作任务', '进展情况', '灯']) expect(onPage.some((w) => w.text === header), `${header} on page ${page}`).toBe(true);
      expect(squash(onPage.map((w) => w.text).join(' '))).toContain(`第${page}页，共${pages}页`);
      for (const w of onPage) expect(w.x1, `${w.text} inside page ${page}`).toBeLessThanOrEqual(841.89);
    }
  });

  it('prints every task number and title, and every 进展情况 whole inside its own row', () => {
    expect(model.tasks.length).toBe(8 + EXTRA_TASKS);
    const headerOf = (text: string) => words.find((w) => w.page === 1 && w.text === text)!;
    const numberRight = headerOf('序号').x1;
    // Left-aligned lines of a column all start at its left edge: the first start right of the previous header.
    const columnStart = (previousHeader: string) => Math.min(...words.filter((w) => w.x0 > headerOf(previousHeader).x1).map((w) => w.x0));
    const inColumn = (x: number) => (w: Word) => Math.abs(w.x0 - x) < 1;
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
      expect(squash(title.map((w) => w.text).join('')), `title of ${task.number}`).toBe(squash(task.title));
      const progress = inRow.filter(progressColumn);
      expect(squash(progress.map((w) => w.text).join('')), `进展情况 of ${task.number}`).toBe(squash(joinEntries(task.entries, (e) => e.progress)));
      // A line running past the row's bottom would be clipped on paper.
      for (const line of progress) expect(line.y1, `last line of task ${task.number}`).toBeLessThanOrEqual(next!.y0);
    }
  });

  it('puts the four light colours on the paper', () => {
    const { width, height, rgb } = readPpm(path.join(dir, 'first.ppm'));
    const counts = new Map<string, number>(lightColors.map((c) => [c, 0]));
    const targets = lightColors.map((color) => ({ color, rgb: [1, 3, 5].map((i) => parseInt(lightFill[color].slice(i, i + 2), 16)) as [number, number, number] }));
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
