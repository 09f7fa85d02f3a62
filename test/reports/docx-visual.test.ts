import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftReport, topicOf } from '../../shared/reports/draft';
import type { ReportModel } from '../../shared/api/reports';
import { tempDir } from '../helpers/core';
import { PERIOD, summaryFixture, type SummaryFixture } from './docx-fixture';
import { convertToPdf, pdfInfo, pdfText, pdfWords, renderPngs, requireTool, withoutSpaces, type PdfWord } from './pdf-tools';

/*
 * The 情况报告 as a printer gets it: LibreOffice converts the .docx to PDF, poppler reads the
 * words back with their boxes and draws the pages as PNGs (left in the temp folder to look at).
 *
 * LibreOffice (7.4) cannot show Word's 28-character grid: a 16 pt character is wider than the
 * 15.79 pt grid cell, and LibreOffice gives it two cells (14 characters a line) where Word and
 * WPS squeeze it into one. So the file is converted twice: as sent (all its words must print,
 * with the page numbers), and as a copy whose grid keeps the 22 lines but not the characters
 * (27 characters a line), the nearest LibreOffice comes to Word's page, for the layout checks.
 */

const MM = 72 / 25.4;
/** The text block in points from the page's top left: 28 mm in, 26 mm from the right, 37 mm down, 35 mm from the bottom. */
const BLOCK = { left: 28 * MM, right: (210 - 26) * MM, top: 37 * MM, bottom: (297 - 35) * MM };

interface Rendered {
  readonly pdf: string;
  readonly pages: number;
  readonly words: PdfWord[];
  readonly text: string;
}

async function render(dir: string, docx: string): Promise<Rendered> {
  const pdf = await convertToPdf(docx, dir);
  const info = await pdfInfo(pdf);
  expect(info.report).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  return { pdf, pages: info.pages, words: await pdfWords(pdf), text: withoutSpaces(await pdfText(pdf, 'raw')) };
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

let f: SummaryFixture;
let model: ReportModel;
let dir: string;
let sent: Rendered;
let wordLike: Rendered;

beforeAll(async () => {
  requireTool('soffice', 'libreoffice-writer-nogui');
  requireTool('pdftotext', 'poppler-utils');
  requireTool('pdftoppm', 'poppler-utils');
  f = await summaryFixture();
  model = await f.t.call('report.model', { kind: 'summary', scope: { period: PERIOD } } as never);
  const file = await f.t.call('report.build', { kind: 'summary', format: 'docx', scope: { period: PERIOD }, save: false } as never);
  dir = tempDir('tl-docx-visual-');
  const bytes = new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
  fs.writeFileSync(path.join(dir, 'report.docx'), bytes);
  const parts = unzipSync(bytes);
  const document = strFromU8(parts['word/document.xml']!);
  expect(document).toContain('w:type="linesAndChars"');
  parts['word/document.xml'] = strToU8(document.replace('w:type="linesAndChars"', 'w:type="lines"'));
  fs.writeFileSync(path.join(dir, 'report-lines.docx'), zipSync(parts));
  sent = await render(dir, path.join(dir, 'report.docx'));
  wordLike = await render(dir, path.join(dir, 'report-lines.docx'));
  await renderPngs(wordLike.pdf, path.join(dir, 'page'));
  await renderPngs(sent.pdf, path.join(dir, 'sent'));
  console.log(`情况报告 PDF and page images: ${dir} (page-*.png: lines-only grid, sent-*.png: the file as sent)`);
}, 300_000);

afterAll(() => f?.t.close());

describe('情况报告 printed through LibreOffice', () => {
  it('prints the title, the opening numbers, every task title and the page numbers, as sent and in the Word-like copy', () => {
    const draft = draftReport(model);
    for (const rendered of [sent, wordLike]) {
      expect(rendered.text).toContain(withoutSpaces(draft.title));
      const opening = withoutSpaces(draft.summary);
      expect(rendered.text).toContain(opening);
      // The numbers themselves, in order, as they print (SQL checks them against the data in docx-summary.test.ts).
      expect(opening.match(/\d+/g)).toEqual(['15', '3', '5', '3', '4', '2', '5', '2', '1', '1', '1']);
      // Reported tasks by name in their section's sentences; the unreported ones in one paragraph by number.
      for (const task of model.tasks.filter((t) => t.state !== '未填报')) expect(rendered.text, task.title).toContain(withoutSpaces(`${topicOf(task.title)}方面`));
      expect(rendered.text).toContain('公卫科3项（第4、12、14项）逾期未报');
      expect(rendered.text).toContain('2025年4月20日');
      const numbers = pageNumbers(rendered);
      expect(numbers.map((n) => n.text)).toEqual(numbers.map((n) => `—${n.page}—`));
    }
    // As sent, LibreOffice's two-cell characters stretch the report: more pages than the Word-like copy.
    expect(sent.pages).toBeGreaterThanOrEqual(wordLike.pages);
  });

  it('fills a few pages of the 22-line block, page numbers outside and 7 mm under it', () => {
    // 13 tasks, 3 figures and a table: about five and a half pages at 22 lines of 27 characters.
    expect(wordLike.pages).toBeGreaterThanOrEqual(5);
    expect(wordLike.pages).toBeLessThanOrEqual(7);
    expect(fs.readdirSync(dir).filter((name) => /^page-\d+\.png$/.test(name))).toHaveLength(wordLike.pages);
    for (const number of pageNumbers(wordLike)) {
      // Odd pages right, even pages left, one 4号 character (14 pt) in from the block's edge.
      if (number.page % 2 === 1) expect(BLOCK.right - number.x1).toBeCloseTo(14, -1);
      else expect(number.x0 - BLOCK.left).toBeCloseTo(14, -1);
      // GB/T 9704: the dash line sits 7 mm below the text block (the glyph box starts a little above the ink).
      expect(number.y0 - BLOCK.bottom).toBeGreaterThan(5 * MM);
      expect(number.y0 - BLOCK.bottom).toBeLessThan(9 * MM);
    }
  });

  it('keeps every word inside the text block, the title centred on it and 22 lines on a full page', () => {
    const body = wordLike.words.filter((w) => w.y0 < BLOCK.bottom);
    for (const w of body) {
      expect(w.x0, w.text).toBeGreaterThanOrEqual(BLOCK.left - 1);
      // Closing punctuation may hang past the margin (one em, two marks squeezed), as Word sets Chinese by default.
      expect(w.x1, w.text).toBeLessThanOrEqual(BLOCK.right + (/[，。、；：）》”]$/.test(w.text) ? 17 : 1));
      expect(w.y0, w.text).toBeGreaterThanOrEqual(BLOCK.top - 14);
    }
    const titleLine = body.filter((w) => w.page === 1 && w.y0 < BLOCK.top + 30);
    const centre = (Math.min(...titleLine.map((w) => w.x0)) + Math.max(...titleLine.map((w) => w.x1))) / 2;
    expect(centre).toBeCloseTo((BLOCK.left + BLOCK.right) / 2, -1);
    // Page 3 is text only in this fixture: its baselines step by the 28.95 pt grid, at most 22 of them.
    const lines = [...new Set(body.filter((w) => w.page === 3).map((w) => Math.round(w.y1)))].sort((a, b) => a - b);
    const steps = lines.slice(1).map((y, i) => y - lines[i]!);
    expect(lines.length).toBeLessThanOrEqual(22);
    for (const step of steps) expect(step % 28.95 < 1.5 || 28.95 - (step % 28.95) < 1.5, `line step ${step}`).toBe(true);
  });
});
