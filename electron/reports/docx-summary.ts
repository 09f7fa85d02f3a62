import type { ReportModel } from '../../shared/api/reports';
import { draftChart } from '../../shared/reports/charts';
import { summaryIndicatorColumns } from '../../shared/reports/indicator-table';
import { ATTACHMENT_TITLE, CAPTION_GAP, draftReport, indicatorsWithData, type DraftChart, type DraftChapter, type DraftParagraph, type ReportDraft } from '../../shared/reports/draft';
import { rasterizeCharts, type RasterChart } from './chart-raster';
import { attachmentLabel, bodyParagraph, captionParagraph, figure, gongwenDocument, heading1, heading2, signature, table, titleBlock, type Block } from './docx-gongwen';
import { reportFonts, type ReportFonts } from './fonts';

/*
 * The Word 情况报告: the draft's sentences laid out as a 公文, with the charts of 一、总体进展 and
 * the indicator table. Every sentence comes from draftReport, so what the clerk edits in the app
 * and what Word shows are the same text.
 */


/** Only indicators with a value this period: the draft counts the rest in one sentence. */
function indicatorTable(model: ReportModel): Block[] {
  const indicators = indicatorsWithData(model);
  if (indicators.length === 0) return [];
  const rows = indicators.map((i) => summaryIndicatorColumns.map((column) => column.value(i)));
  return [captionParagraph(`表1${CAPTION_GAP}主要指标完成情况`, true), table(summaryIndicatorColumns, rows)];
}

/** A chapter's blocks (its figures go to the 附件); the last chapter's last paragraph stays with the signature. */
function chapterBlocks(chapter: DraftChapter, model: ReportModel, last: boolean): Block[] {
  const blocks: Block[] = [heading1(chapter.heading)];
  const closing = chapter.parts.at(-1)?.paragraphs.at(-1) ?? (chapter.key !== 'indicators' ? chapter.paragraphs.at(-1) : undefined);
  const paragraph = (p: DraftParagraph) => bodyParagraph(p.text, p.lead, { keepWithSignature: last && p === closing });
  blocks.push(...chapter.paragraphs.map(paragraph));
  if (chapter.key === 'indicators') blocks.push(...indicatorTable(model));
  for (const part of chapter.parts) {
    blocks.push(heading2(part.heading));
    blocks.push(...part.paragraphs.map(paragraph));
  }
  return blocks;
}

/** Every chart the draft asks for, rasterised in one go (the fonts load once). */
function chartImages(draft: ReportDraft, model: ReportModel): Map<DraftChart, RasterChart> {
  const kinds = [...new Set(draft.chapters.flatMap((chapter) => chapter.figures.map((item) => item.chart)))];
  const charted = { ...model, indicators: indicatorsWithData(model) };
  const images = rasterizeCharts(kinds.map((kind) => draftChart(kind, charted)));
  return new Map(kinds.map((kind, index) => [kind, images[index]!]));
}

/** The report from an edited (or freshly drafted) draft. */
/**
 * The figures as the 附件 after the 落款, on a page of their own (GB/T 9704: 附件 begins a new
 * page, "附件" in 黑体 at the top left). Inline, a chart too tall for the rest of a page left
 * half of it blank; here they never break the text.
 */
function attachmentBlocks(draft: ReportDraft, rasters: ReadonlyMap<DraftChart, RasterChart>): Block[] {
  const figures = draft.chapters.flatMap((chapter) => chapter.figures);
  if (figures.length === 0) return [];
  return [attachmentLabel('附件'), ...figures.flatMap((item) => figure(rasters.get(item.chart)!, item.caption))];
}

export async function summaryFromDraft(model: ReportModel, draft: ReportDraft, fonts: ReportFonts = reportFonts()): Promise<Uint8Array> {
  const children: Block[] = [...titleBlock(draft.title), bodyParagraph(draft.summary)];
  const rasters = chartImages(draft, model);
  draft.chapters.forEach((chapter, i) => children.push(...chapterBlocks(chapter, model, i === draft.chapters.length - 1)));
  const hasFigures = draft.chapters.some((chapter) => chapter.figures.length > 0);
  // 附件说明: one line under the text, before the 落款.
  if (hasFigures) children.push(bodyParagraph(`附件：${ATTACHMENT_TITLE}`, '', { keepWithSignature: true }));
  children.push(...signature(draft.signature.office, draft.signature.date));
  children.push(...attachmentBlocks(draft, rasters));
  return gongwenDocument({ title: draft.title, fonts, children, creator: model.officeName });
}

/** `date`: the report's date (YYYY-MM-DD) for the 落款; today when left out. */
export async function summaryDocument(model: ReportModel, date?: string): Promise<Uint8Array> {
  return summaryFromDraft(model, draftReport(model, { date }));
}
