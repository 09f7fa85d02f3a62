import type { PlanKind } from '../domain/plan-kinds';
import type { Paragraph } from './normalize';
import type { TableKind } from './tables';

export interface PlanMetadata {
  title: string | null;
  kind: PlanKind;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
}

const DOC_NUMBER = /([\u4e00-\u9fff]{2,14}[〔[（(](?:19|20)\d\d[〕\]）)]\d{1,4}号)/;
const DATE_LINE = /^（?((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日）?$/;
const ORG = /(委员会|人民政府办公室|人民政府|办公室|办公厅|卫生健康委|卫健委|局|委|中心)$/;
const TITLE_END = /(要点|规划|方案|清单|计划|意见|纲要|台账|任务分解表|责任分工|安排)$/;

function pad(n: string): string {
  return n.padStart(2, '0');
}

/** Title, document number, issuer and date from the cover letter or the first lines. */
export function readMetadata(paragraphs: readonly Paragraph[], tableKinds: TableKind[]): PlanMetadata {
  const head = paragraphs.slice(0, 60).filter((p) => !p.cell);
  const headText = head.slice(0, 20).map((p) => p.text).join('');
  const numberLine = head.slice(0, 20).map((p) => DOC_NUMBER.exec(p.text)?.[1]).find(Boolean);
  const docNumber = numberLine?.replace(/[[(（]/, '〔').replace(/[\])）]/, '〕') ?? null;

  let issuedOn: string | null = null;
  let issuer: string | null = null;
  const dateIndex = head.findIndex((p) => DATE_LINE.test(p.text));
  if (dateIndex >= 0) {
    const [, y, m, d] = DATE_LINE.exec(head[dateIndex]!.text)!;
    issuedOn = `${y}-${pad(m!)}-${pad(d!)}`;
    const before = head[dateIndex - 1]?.text ?? '';
    if (ORG.test(before) && before.length <= 30) issuer = before;
  }
  if (!issuer) {
    const fileHeader = head.slice(0, 5).find((p) => /文件$/.test(p.text));
    if (fileHeader) issuer = fileHeader.text.replace(/文件$/, '');
  }
  if (!issuer) {
    const relay = head.slice(0, 6).find((p, i) => ORG.test(p.text) && p.text.length <= 30 && /^关于/.test(head[i + 1]?.text ?? ''));
    if (relay) issuer = relay.text;
  }

  let title: string | null = /印发《([^》]{4,80})》/.exec(headText)?.[1] ?? null;
  if (!title) {
    for (let i = 0; i < Math.min(head.length, 12); i++) {
      const text = head[i]!.text;
      if (text.length > 60 || /[。；]/.test(text)) continue;
      if (TITLE_END.test(text)) {
        title = text;
        break;
      }
      const next = head[i + 1]?.text ?? '';
      if (TITLE_END.test(text + next) && (text + next).length <= 60) {
        title = text + next;
        break;
      }
    }
  }
  return { title, kind: detectKind(title, headText, tableKinds), docNumber, issuer, issuedOn };
}

export function detectKind(title: string | null, headText: string, tableKinds: TableKind[]): PlanKind {
  const text = title ?? headText.slice(0, 200);
  if (/工作要点|要点/.test(text)) return 'work-points';
  if (/(规划|十[一二三四五六]五)/.test(text) && !/实施方案/.test(text)) return 'five-year-plan';
  if (/(实施方案|行动方案|实施意见|工作方案|行动计划)/.test(text)) return 'implementation-plan';
  if (tableKinds.includes('standards-list') || /(立项需求|标准需求)/.test(text)) return 'standards-list';
  if (tableKinds.includes('task-table') || /(清单|台账|任务分解|责任分工)/.test(text)) return 'task-table';
  if (/方案/.test(text)) return 'implementation-plan';
  return 'other';
}
