import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARSE_MEMORY_MB } from '../../electron/import/parse-thread';
import { tempDir } from '../helpers/core';
import { emptyRunsDocx, hugeTitleXlsx, lyingDocx, manyParagraphsDocx, manyRowsXlsx, nestedTablesDocx, spanningTableDocx } from './ooxml-bombs';
import { manyPagesPdf } from './pdf-pages';

/*
 * Issue 14, finding 6: bombs passed the checks. A .docx whose central directory lies about its
 * sizes cost 38.7 s and 3.4 GB before it was refused; a 17.7 MB .xlsx of a million rows parsed
 * in 64 s at 3.2 GB; a 58 KB .xlsx carried a 50 MB title (1.6 GB) refused only at save; a
 * 10,000-page PDF ran past 600 s. Each is read here in a child process as the import reads it:
 * refused in Chinese, naming the file and what to do, within seconds, below 300 MB at its peak.
 *
 * Review of issue 14: small .docx files under every byte limit still made mammoth build gigabytes
 * of objects, stopped only by the parse thread's heap limit (which the child has too): 1.5 million
 * one-character paragraphs (158 KB) 22 s / 1.8 GB, 4 million empty runs (225 KB) 32 s / 1.87 GB;
 * a table whose cells span 1,000 columns over 5,000 rows (4 KB) made a grid of 500 million
 * positions; tables nested 100,000 deep were called damaged after 3 s and 650 MB.
 */
const bombs: { name: string; make: () => Uint8Array; says: RegExp }[] = [
  { name: '工作要点.docx', make: () => lyingDocx(3.4), says: /解压后超过 128 MB/ },
  { name: '台账.xlsx', make: () => manyRowsXlsx(1_000_000), says: /超过 5 万行/ },
  { name: '标题.xlsx', make: () => hugeTitleXlsx(50), says: /单元格的内容过长/ },
  { name: '规划.pdf', make: () => manyPagesPdf(10_000), says: /共 10000 页，超过可导入的上限 300 页/ },
  { name: '段落.docx', make: () => manyParagraphsDocx(1_500_000), says: /段落超过 5 万个.*另存为”纯文本/ },
  { name: '片段.docx', make: () => emptyRunsDocx(4_000_000), says: /文字片段.*超过 10 万个.*拆分/ },
  { name: '表格.docx', make: () => spanningTableDocx(5_000), says: /表格过大.*取消不需要的合并单元格/ },
  { name: '嵌套.docx', make: () => nestedTablesDocx(100_000), says: /嵌套超过 256 层/ },
];

describe('bombs are refused early, in little memory', () => {
  for (const bomb of bombs) {
    it(`${bomb.name}`, () => {
      const file = path.join(tempDir(), bomb.name);
      fs.writeFileSync(file, bomb.make());
      const preload = pathToFileURL(path.join(import.meta.dirname, 'parse-bomb-preload.mjs')).href;
      const child = spawnSync(process.execPath, [`--max-old-space-size=${PARSE_MEMORY_MB}`, '--import', preload, '--import', 'tsx', path.join(import.meta.dirname, 'parse-bomb-child.ts'), file], { encoding: 'utf8', timeout: 120_000 });
      expect(child.status, child.stderr).toBe(0);
      const outcome = JSON.parse(child.stdout) as { ok: boolean; code: string; message: string; ms: number; maxRssMb: number };
      const figures = `${fs.statSync(file).size} bytes: ${outcome.ms} ms, peak ${outcome.maxRssMb.toFixed(0)} MB — ${outcome.message}`;
      expect(outcome.ok, figures).toBe(false);
      expect(outcome.code, figures).toBe('INVALID_ARGUMENT');
      expect(outcome.message, figures).toContain(`文件“${bomb.name}”无法导入`);
      expect(outcome.message, figures).toMatch(bomb.says);
      expect(outcome.message, figures).toMatch(/请/);
      expect(outcome.ms, figures).toBeLessThan(5_000);
      expect(outcome.maxRssMb, figures).toBeLessThan(300);
    }, 150_000);
  }
});
