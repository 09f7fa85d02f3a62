import { useEffect, useState } from 'react';
import type { LedgerFilterInput } from '../../../../shared/api/ledger';
import type { ReportTemplate } from '../../../../shared/api/reports';
import { downloadBase64 } from '../../quarterly/attachments';
import { useLedger, useLedgerStore } from '../../store/context';
import type { FilledForm } from '../../store/report-templates';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { mappingSummary } from './mapping';
import { TemplateWizard } from './TemplateWizard';
import './templates.css';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROWS_LABEL = { tasks: '重点工作', indicators: '指标' } as const;


/** What was made from a form: the sentence, where it was saved, and 另存为 for a copy elsewhere. */
function FilledResult({ file }: { file: FilledForm }) {
  return (
    <div className="templates-result" role="status">
      <p>{file.summary}</p>
      {file.savedPath ? (
        <p className="templates-path">
          已保存到：<code>{file.savedPath}</code>
        </p>
      ) : null}
      <button type="button" className="button button-small" onClick={() => downloadBase64(file.fileName, XLSX_MIME, file.contentBase64)}>
        另存为…
      </button>
    </div>
  );
}

function TemplateItem({ template, scope }: { template: ReportTemplate; scope: LedgerFilterInput }) {
  const store = useLedgerStore();
  const filling = useLedger((s) => s.fillingTemplateId);
  const filled = useLedger((s) => s.filledForms[template.id]);
  const [asking, setAsking] = useState(false);
  return (
    <li className="templates-item" aria-label={template.recipient}>
      <div className="templates-item-main">
        <div className="templates-item-head">
          <span className="templates-recipient">{template.recipient}</span>
          <span className="templates-badge">{ROWS_LABEL[template.rows]}</span>
        </div>
        <p className="templates-facts">
          {template.fileName} · 工作表“{template.sheetName}” · 表头第{template.headerRow}行 · 更新于{formatDateTime(template.updatedAt)}
        </p>
        <p className="templates-mapping">{mappingSummary(template)}</p>
        {filled ? <FilledResult file={filled} /> : null}
      </div>
      <div className="templates-item-actions">
        <button type="button" className="button button-primary" disabled={filling !== null} onClick={() => void store.getState().fillReportTemplate(template.id, scope)}>
          {filling === template.id ? '正在生成…' : '按此表样生成'}
        </button>
        <button type="button" className="button button-small button-danger-text" onClick={() => setAsking(true)}>
          删除
        </button>
      </div>
      {asking ? (
        <ConfirmDialog
          title="删除上级表样"
          message={`确定要删除“${template.recipient}”的表样吗？删除后如需再按此表样填报，要重新添加表样并对应各列。`}
          confirmLabel="删除"
          onConfirm={() => store.getState().deleteReportTemplate(template.id)}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </li>
  );
}

/** 上级表样 on the 报表 page: saved forms by recipient, filled for the page's scope; 添加上级表样 adds one. */
export function TemplatesPanel({ scope }: { scope: LedgerFilterInput }) {
  const store = useLedgerStore();
  const templates = useLedger((s) => s.reportTemplates);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    if (store.getState().reportTemplates === null) void store.getState().loadReportTemplates();
  }, [store]);

  return (
    <section className="card templates" aria-labelledby="templates-title">
      <div className="templates-head">
        <h2 className="card-title" id="templates-title">
          上级表样{templates && templates.length > 0 ? <span className="card-count">{templates.length}份</span> : null}
        </h2>
        {!adding ? (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            添加上级表样
          </button>
        ) : null}
      </div>
      <p className="card-note">上级下发的Excel表样：添加一次、对应好各列，以后每季度按表样直接生成，不用再复制粘贴。</p>
      {adding ? <TemplateWizard onClose={() => setAdding(false)} /> : null}
      {templates === null ? <p className="muted">正在读取…</p> : null}
      {templates && templates.length === 0 && !adding ? <p className="muted">还没有上级表样。</p> : null}
      {templates && templates.length > 0 ? (
        <ul className="templates-list" aria-label="已保存的上级表样">
          {templates.map((template) => (
            <TemplateItem key={template.id} template={template} scope={scope} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
