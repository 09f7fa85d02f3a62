/**
 * Word (.docx) via mammoth. We take mammoth's document tree (through `transformDocument`) rather than
 * its raw text, so that tables come out as tables too; the text follows extractRawText: one paragraph
 * or table cell paragraph per line, tabs kept, except that line breaks inside a paragraph start a new
 * line and blank paragraphs are dropped.
 */
import { checkTextLength } from './limits';
import { guardOoxml } from './ooxml-guard';
import { ReadError } from './read-error';
import { placeCells } from './table-grid';
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
  walkBlocks(root.children ?? [], lines, tables);
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

/** Paragraphs and tables in document order; a table's cells add their paragraphs to the text. */
function walkBlocks(nodes: readonly DocNode[], lines: string[], tables: ReadTable[] | null): void {
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      lines.push(...inlineText(node).split('\n'));
    } else if (node.type === 'table') {
      const table = readTable(node, lines);
      if (tables && table.rows.length > 0) tables.push({ sheet: `表格${tables.length + 1}`, rows: table.rows });
    } else if (node.children) {
      walkBlocks(node.children, lines, tables);
    }
  }
}

function readTable(table: DocNode, lines: string[]): { rows: string[][] } {
  const rows: { text: string; colSpan: number; rowSpan: number }[][] = [];
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells: { text: string; colSpan: number; rowSpan: number }[] = [];
    for (const cell of row.children ?? []) {
      if (cell.type !== 'tableCell') continue;
      const cellLines: string[] = [];
      walkBlocks(cell.children ?? [], cellLines, null); // nested tables become part of the cell
      lines.push(...cellLines);
      const text = cellLines.map((line) => line.trim()).filter((line) => line !== '').join('\n');
      cells.push({ text, colSpan: cell.colSpan ?? 1, rowSpan: cell.rowSpan ?? 1 });
    }
    rows.push(cells);
  }
  return { rows: placeCells(rows) };
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
