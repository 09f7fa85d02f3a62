import type { ReportIndicator, ReportModel } from '../../../shared/api/reports';
import { draftChart } from '../../../shared/reports/charts';
import { summaryIndicatorColumns } from '../../../shared/reports/indicator-table';
import { titleBreaks } from '../../../shared/reports/titles';
import { ATTACHMENT_TITLE, draftReport, indicatorsWithData, type DraftChapter, type DraftParagraph } from '../../../shared/reports/draft';

/*
 * The 情况报告 printed as a 公文 page (GB/T 9704: A4 portrait, 37/35/28/26 mm, title 2号 小标宋,
 * body 3号 仿宋 with a two-character indent, 22 lines of 28 characters). The words are
 * draftReport's and the charts charts.ts's, laid out as the Word report lays them out
 * (electron/reports/docx-summary.ts), so the PDF and the .docx read the same.
 */


/** A 2号 line holds 20 characters of the 156 mm text block. */
const TITLE_LINE_CHARS = 20;

/**
 * The title cut where a 公文 title may break (after 关于, before 重点工作/推进情况/的报告, after
 * 季度): each piece is kept whole on its line, as the Word report's title lines are
 * (electron/reports/docx-gongwen.ts titleLines), and the lines are balanced by the browser.
 */
export function titleSegments(title: string): string[] {
  const cuts = [0, ...titleBreaks(title), title.length];
  return cuts.slice(1).map((end, i) => title.slice(cuts[i], end));
}

/** An SVG as an image (the page's CSP allows data: images, not inline styles), vector in the PDF. */
export function svgSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function IndicatorTable({ indicators }: { indicators: readonly ReportIndicator[] }) {
  if (indicators.length === 0) return null;
  const total = summaryIndicatorColumns.reduce((sum, column) => sum + column.width, 0);
  return (
    <>
      <p className="official-caption official-caption-table">{`表1\u3000主要指标完成情况`}</p>
      <table className="official-table" aria-label="主要指标完成情况">
        <colgroup>
          {summaryIndicatorColumns.map((column) => (
            <col key={column.header} style={{ width: `${((column.width / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {summaryIndicatorColumns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => (
            <tr key={indicator.indicatorId}>
              {summaryIndicatorColumns.map((column) => (
                <td key={column.header} className={column.align === 'center' ? 'print-cell-centre' : 'print-cell-text'}>
                  {column.value(indicator)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Paragraph({ paragraph }: { paragraph: DraftParagraph }) {
  return (
    <p className="official-body">
      {paragraph.lead && <strong>{paragraph.lead}</strong>}
      {paragraph.text}
    </p>
  );
}

function Chapter({ chapter, model }: { chapter: DraftChapter; model: ReportModel }) {
  return (
    <section>
      <h2 className="official-heading-1">{chapter.heading}</h2>
      {chapter.paragraphs.map((paragraph, i) => (
        <Paragraph key={i} paragraph={paragraph} />
      ))}
      {chapter.key === 'indicators' && <IndicatorTable indicators={indicatorsWithData(model)} />}
      {chapter.parts.map((part) => (
        <section key={part.heading}>
          <h3 className="official-heading-2">{part.heading}</h3>
          {part.paragraphs.map((paragraph, i) => (
            <Paragraph key={i} paragraph={paragraph} />
          ))}
        </section>
      ))}
    </section>
  );
}

/** 情况报告, A4 portrait; `date` (YYYY-MM-DD) is the 落款's, as in the Word report. */
export function SummaryPrint({ model, date }: { model: ReportModel; date?: string | undefined }) {
  const draft = draftReport(model, { date });
  // As in the Word report, the figures are the 附件 after the 落款.
  const figures = draft.chapters.flatMap((chapter) => chapter.figures);
  return (
    <article className="print-doc print-portrait print-official">
      <h1 className="official-title">
        {titleSegments(draft.title).map((segment, i) => (
          <span key={i} className={segment.length <= TITLE_LINE_CHARS ? 'official-title-piece' : undefined}>
            {segment}
          </span>
        ))}
      </h1>
      <p className="official-body">{draft.summary}</p>
      {draft.chapters.map((chapter) => (
        <Chapter key={chapter.key} chapter={chapter} model={model} />
      ))}
      {figures.length > 0 && <p className="official-body">附件：{ATTACHMENT_TITLE}</p>}
      <div className="official-signature">
        <div>
          <p>{draft.signature.office}</p>
          <p>{draft.signature.date}</p>
        </div>
      </div>
      {figures.length > 0 && (
        <section className="official-attachment">
          <h2 className="official-heading-1">附件</h2>
          {figures.map((item) => {
            const chart = draftChart(item.chart, { ...model, indicators: indicatorsWithData(model) });
            return (
              <figure key={item.chart} className="official-figure">
                <img src={svgSource(chart.svg)} width={chart.width} height={chart.height} alt={item.caption} />
                <figcaption className="official-caption">{item.caption}</figcaption>
              </figure>
            );
          })}
        </section>
      )}
    </article>
  );
}
