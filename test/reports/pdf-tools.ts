import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/*
 * Reading reports as a printer gets them: LibreOffice turns an office file into a PDF, poppler
 * (pdfinfo, pdftotext, pdftoppm) reads back its pages, words with their boxes, and pixels.
 */

const run = promisify(execFile);

/** Fail with the package to install, instead of a bare ENOENT half way through a visual test. */
export function requireTool(tool: string, packageName: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
  } catch {
    throw new Error(`${tool} is not installed: the visual report test needs it (apt-get install -y ${packageName})`);
  }
}

/** One printed word: its page (1-based) and box in points from the page's top left. */
export interface PdfWord {
  readonly page: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly text: string;
}

/** Text as printed, without white space: lines wrap anywhere inside cells and paragraphs. */
export const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** `pdftotext -bbox` output (XHTML, one <page> after another) as words. */
export function parseBboxWords(xhtml: string): PdfWord[] {
  const words: PdfWord[] = [];
  xhtml
    .split('<page ')
    .slice(1)
    .forEach((page, index) => {
      for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        words.push({ page: index + 1, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: decodeXml(m[5]!) });
      }
    });
  return words;
}

/** One printed line: the words of a page that share a baseline, left to right. */
export interface PdfLine {
  readonly page: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  /** The baseline side of the boxes (pdftotext gives every word of a line the same yMax). */
  readonly y1: number;
  readonly text: string;
  readonly words: readonly PdfWord[];
}

/** Words grouped into lines by page and baseline (within half a point), top to bottom. */
export function pdfLines(words: readonly PdfWord[]): PdfLine[] {
  const lines: { page: number; y1: number; words: PdfWord[] }[] = [];
  for (const word of words) {
    const line = lines.find((l) => l.page === word.page && Math.abs(l.y1 - word.y1) < 0.5);
    if (line) line.words.push(word);
    else lines.push({ page: word.page, y1: word.y1, words: [word] });
  }
  return lines
    .sort((a, b) => a.page - b.page || a.y1 - b.y1)
    .map(({ page, y1, words: ws }) => {
      const sorted = [...ws].sort((a, b) => a.x0 - b.x0);
      return { page, y1, x0: sorted[0]!.x0, x1: Math.max(...sorted.map((w) => w.x1)), y0: Math.min(...sorted.map((w) => w.y0)), text: sorted.map((w) => w.text).join(''), words: sorted };
    });
}

/** Every word of the PDF with its page and box. */
export async function pdfWords(pdf: string): Promise<PdfWord[]> {
  return parseBboxWords((await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout);
}

/**
 * The PDF's text: `raw` in content order (a paragraph's words stay together), `layout` as placed
 * on the page (a table's columns side by side); the whole file or one page.
 */
export async function pdfText(pdf: string, mode: 'raw' | 'layout', page?: number): Promise<string> {
  const pages = page ? ['-f', String(page), '-l', String(page)] : [];
  return (await run('pdftotext', [...pages, `-${mode}`, pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

/** pdfinfo's report (to match the page size against) and the page count it gives. */
export async function pdfInfo(pdf: string): Promise<{ report: string; pages: number }> {
  const report = (await run('pdfinfo', [pdf])).stdout;
  const pages = /^Pages:\s+(\d+)/m.exec(report);
  if (!pages) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return { report, pages: Number(pages[1]) };
}

/** Where conversions into `outDir` keep LibreOffice's settings. */
export const libreOfficeProfile = (outDir: string) => path.join(outDir, 'lo-profile');

/** Convert an office file to PDF in `outDir` and return the PDF's path. */
export async function convertToPdf(file: string, outDir: string): Promise<string> {
  // A profile of its own: a desktop LibreOffice (or another test) holding the default one would block the conversion.
  const profile = `file://${libreOfficeProfile(outDir)}`;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], { timeout: 150_000 });
  return path.join(outDir, `${path.parse(file).name}.pdf`);
}

/** Every page as `<stem>-<n>.png` at 60 dpi, for a person to look at. */
export async function renderPngs(pdf: string, stem: string): Promise<void> {
  await run('pdftoppm', ['-r', '60', '-png', pdf, stem]);
}

export interface Raster {
  readonly width: number;
  readonly height: number;
  /** Three bytes a pixel, row after row. */
  readonly rgb: Buffer;
}

/** One page's pixels, to look for colours on the paper. */
export async function rasterPage(pdf: string, page: number, dpi: number): Promise<Raster> {
  const ppm = (await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 })).stdout;
  // Binary PPM (P6): magic, width, height, max value, each followed by white space.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error(`pdftoppm gave no binary PPM for page ${page} of ${pdf}`);
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/** A `#rrggbb` colour as its three channels. */
export const hexToRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
