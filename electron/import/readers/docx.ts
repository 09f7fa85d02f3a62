/**
 * Word (.docx) via mammoth. We take mammoth's document tree (through `transformDocument`) rather than
 * its raw text, so that tables come out as tables too; the text follows extractRawText: one paragraph
 * or table cell paragraph per line, tabs kept, except that line breaks inside a paragraph start a new
 * line and blank paragraphs are dropped.
 */
import { checkTextLength, READ_LIMITS } from './limits';
import { guardOoxml } from './ooxml-guard';
import { ReadError } from './read-error';
import { GridTooLarge, placeCells } from './table-grid';
import { isBlank } from './text-normalize';
import type { ReadResult, ReadTable } from './types';

/** The part of mammoth's document model we read. */
interface DocNode {
  readonly type: string;
  readonly value?: string;
  readonly children?: readonly DocNode[];
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

const corruptDocx = '无法读取该 Word 文件，文件可能已损坏。请用 WPS 或 Word 打开它，另存为新的 .docx 文件后再导入';

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  const root = await loadTree(bytes);
  const lines: string[] = [];
  const tables: ReadTable[] = [];
  walkBlocks(root.children ?? [], lines, { tables, positionsLeft: READ_LIMITS.tableCells }, true);
  const text = lines.map((line) => line.trim()).filter((line) => line !== '').join('\n');
  checkTextLength(text.length);
  if (isBlank(text)) throw new ReadError('EMPTY', 'Word 文件中没有文字内容。如果正文是图片（扫描件），请使用原始 Word 文件或文字版 PDF');
  return { format: 'docx', text, tables };
}

async function loadTree(bytes: Uint8Array): Promise<DocNode> {
  // mammoth opens the archive with JSZip as it is: it gets one rebuilt from what is really inside.
  const safe = await guardOoxml(bytes, { kind: 'docx', textOnly: true });
  const { default: mammoth } = await import('mammoth');
  let root: DocNode | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength) },
      {
        // Keep the tree, hand mammoth an empty document so it renders (and reads images for) nothing.
        transformDocument: (document: DocNode) => {
          root = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    throw new ReadError('CORRUPT', corruptDocx, { cause: error });
  }
  if (!root) throw new ReadError('CORRUPT', corruptDocx);
  return root;
}

/** The tables kept so far, and the grid positions all tables (nested ones too) may still take: spans make empty ones. */
interface Tables {
  readonly tables: ReadTable[];
  positionsLeft: number;
}

/**
 * Paragraphs and tables in document order; a table's cells add their paragraphs to the text.
 * `keep`: tables here are kept as tables (nested ones become part of their cell's text).
 */
function walkBlocks(nodes: readonly DocNode[], lines: string[], tables: Tables, keep: boolean): void {
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      append(lines, inlineText(node).split('\n'));
    } else if (node.type === 'table') {
      const table = readTable(node, lines, tables);
      if (keep && table.rows.length > 0) tables.tables.push({ sheet: `表格${tables.tables.length + 1}`, rows: table.rows });
    } else if (node.children) {
      walkBlocks(node.children, lines, tables, keep);
    }
  }
}

/** push(...more) passes every item as an argument: a paragraph of 150,000 line breaks overflows the stack. */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

function readTable(table: DocNode, lines: string[], tables: Tables): { rows: string[][] } {
  const rows: { text: string; colSpan: number; rowSpan: number }[][] = [];
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells: { text: string; colSpan: number; rowSpan: number }[] = [];
    for (const cell of row.children ?? []) {
      if (cell.type !== 'tableCell') continue;
      const cellLines: string[] = [];
      walkBlocks(cell.children ?? [], cellLines, tables, false);
      append(lines, cellLines);
      const text = cellLines.map((line) => line.trim()).filter((line) => line !== '').join('\n');
      cells.push({ text, colSpan: cell.colSpan ?? 1, rowSpan: cell.rowSpan ?? 1 });
    }
    rows.push(cells);
  }
  try {
    const grid = placeCells(rows, tables.positionsLeft);
    tables.positionsLeft -= grid.length * (grid[0]?.length ?? 0);
    return { rows: grid };
  } catch (error) {
    if (!(error instanceof GridTooLarge)) throw error;
    throw new ReadError(
      'TOO_LARGE',
      `Word 文件中的表格过大（有表格因合并单元格用到 ${error.rows} 行、${error.columns} 列，全部表格合计上限 ${READ_LIMITS.tableCells / 10_000} 万格）。请在 WPS/Word 中取消不需要的合并单元格，或将文件拆分后分别导入`,
    );
  }
}

function inlineText(node: DocNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'checkbox':
      return (node as { checked?: boolean }).checked ? '☑' : '☐';
    case 'noteReference':
    case 'commentReference':
    case 'image':
      return '';
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}
