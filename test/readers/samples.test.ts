/** The real sample documents in every format clerks have, read end to end. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument, type ReadResult } from '../../electron/import/readers/index';
import { sample, sampleText, samplesDir, withoutSpace } from './fixtures';

const taskNumbersAtLineStart = (text: string): number[] =>
  text
    .split(/[\n\f]/)
    .map((line) => /^(\d+)\./.exec(withoutSpace(line))?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

async function read(relative: string, onProgress?: (done: number, total: number) => void): Promise<ReadResult> {
  const name = relative.split('/').pop() ?? relative;
  return readDocument(sample(relative), name, onProgress);
}

describe('samples folder', () => {
  it('exists (the tests read real documents from ../shared/samples)', () => {
    expect(fs.existsSync(samplesDir), samplesDir).toBe(true);
    expect(fs.existsSync(`${samplesDir}/formats`)).toBe(true);
  });
});

describe('Yubei work points (.docx and .pdf)', () => {
  it('reads the .docx: one paragraph per line, owners intact', async () => {
    const result = await read('formats/yubei-2025-work-points.docx');
    expect(result.format).toBe('docx');
    expect(result.text).toContain('强化疫情防控能力建设');
    expect(result.text).toContain('（牵头科室：疾控科、信息统计科');
    expect(result.text.split('\n')).toContain('1.强化疫情防控能力建设。加强传染病多渠道监测预警，推');
    expect(result.text).not.toMatch(/\n\s*\n/); // blank paragraphs dropped
    expect(taskNumbersAtLineStart(result.text)).toEqual(oneToN(39));
    expect(withoutSpace(result.text)).toBe(withoutSpace(sampleText('yubei-2025-work-points.txt')));
  });

  it('reads the .pdf: 10 pages, 39 tasks at line starts, Chinese intact, per-page progress', async () => {
    const progress: [number, number][] = [];
    const result = await read('formats/yubei-2025-work-points.pdf', (done, total) => progress.push([done, total]));
    expect(result.format).toBe('pdf');
    expect(result.pages).toBe(10);
    expect(result.tables).toEqual([]);
    expect(progress).toEqual(Array.from({ length: 11 }, (_, i) => [i, 10]));
    expect(result.text.split('\n').filter((line) => line === '\f')).toHaveLength(9);

    expect(taskNumbersAtLineStart(result.text)).toEqual(oneToN(39));
    expect(result.text).not.toContain('\uFFFD');
    expect(result.text).toContain('强化疫情防控能力建设');
    expect(result.text).toContain('（牵头科室：疾控科、信息统计科，');
    // the line wrap splits the owner suffix: "（牵头" / "科室：…"
    expect(result.text).toContain('达 100%。（牵头\n科室：健康促进中心');
    expect(result.text).toContain('渝北卫健〔2025〕54 号');
    expect(result.text).toContain('控制在 46/10 万以下');
    // exactly the text of the .docx / extracted sample, apart from whitespace
    expect(withoutSpace(result.text)).toBe(withoutSpace(sampleText('yubei-2025-work-points.txt')));
  });
});

describe('Shapingba implementation plan (.docx and GB18030 .txt)', () => {
  const expected = withoutSpace(sampleText('shapingba-service-system-plan-2025.txt'));

  it('decodes the GB18030 text to the same text as the UTF-8 sample', async () => {
    const result = await read('formats/shapingba-service-system-plan-2025.gbk.txt');
    expect(result).toMatchObject({ format: 'txt', encoding: 'gb18030', tables: [] });
    expect(withoutSpace(result.text)).toBe(expected);
    expect(result.text.split('\n')[0]).toBe('沙府办发〔2025〕13号');
  });

  it('reads the UTF-8 sample as utf-8', async () => {
    const result = await read('shapingba-service-system-plan-2025.txt');
    expect(result.encoding).toBe('utf-8');
    expect(withoutSpace(result.text)).toBe(expected);
  });

  it('reads the .docx to the same text', async () => {
    const result = await read('formats/shapingba-service-system-plan-2025.docx');
    expect(result.format).toBe('docx');
    expect(withoutSpace(result.text)).toBe(expected);
    expect(result.text).toContain('（责任单位：区卫生健康委、区发展改革委、区规划自然资源局、区住房城乡建委）');
  });
});

describe('Yuzhong indicator table (.xlsx)', () => {
  it('gives the sheet as rows: merged title, header, 20 indicators', async () => {
    const result = await read('formats/yuzhong-indicator-table.xlsx');
    expect(result.format).toBe('xlsx');
    expect(result.tables).toHaveLength(1);
    const [table] = result.tables;
    const rows = table?.rows ?? [];
    expect(table?.sheet).toBe('指标表');
    expect(rows).toHaveLength(22);
    expect(rows[0]).toEqual(['渝中区卫生健康事业十四五发展规划指标表', '', '', '', '']); // merged A1:E1
    expect(rows[1]).toEqual(['序号', '指标', '单位', '2020年基数', '2025年目标']);
    const data = rows.slice(2);
    expect(data.map((row) => row[0])).toEqual(oneToN(20).map(String));
    expect(data[0]).toEqual(['1', '人口平均预期寿命', '岁', '80.78', '81']);
    expect(data[1]).toEqual(['2', '孕产妇死亡率', '1/10万', '0', '≤10']);
    expect(data.map((row) => row[4])).toContain('≥60');
    expect(data[4]).toEqual(['5', '居民健康素养水平', '%', '27.5', '30']);
    expect(data[18]?.[3]).toBe('-');
    expect(result.text.split('\n')[0]).toBe('渝中区卫生健康事业十四五发展规划指标表');
    expect(result.text.split('\n')[3]).toBe('2\t孕产妇死亡率\t1/10万\t0\t≤10');
  });
});

describe('Standards demand list (.xlsx)', () => {
  it('gives 12 demands with multi-paragraph cells kept in the table, one row per text line', async () => {
    const result = await read('formats/standards-demand-list.xlsx');
    const rows = result.tables[0]?.rows ?? [];
    expect(rows[0]).toEqual(['序号', '归口处室', '板块分组', '立项需求名称', '主要内容及拟解决问题']);
    expect(rows).toHaveLength(13);
    expect(rows[1]?.slice(0, 4)).toEqual(['1', '医政处', '医疗卫生', '“互联网+护理服务”质量控制与安全管理规范']);
    expect(rows[1]?.[4]).toContain('\n第二，重庆的现实问题更紧迫。\n');
    expect(result.text.split('\n')).toHaveLength(13);
    // the flattened sample holds the same cell text
    const flattened = withoutSpace(sampleText('standards-demand-list.txt'));
    for (const row of rows.slice(1)) expect(flattened).toContain(withoutSpace(row.join('')));
  });
});
