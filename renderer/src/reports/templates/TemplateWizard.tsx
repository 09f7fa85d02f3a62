import { useId, useRef, useState } from 'react';
import type { TemplateField } from '../../../../shared/api/reports';
import { templateFieldLabels } from '../../../../shared/api/reports';
import { readPicked } from '../../exchange/files';
import { useLedger, useLedgerStore } from '../../store/context';
import type { TemplateInspection } from '../../store/report-templates';
import { Field, TextField } from '../../ui/Field';
import { FIELD_GROUPS, columnsForRow, mappingDraftOf, mappingOf, previewCells, rowsKind, type MappingDraft, type TemplateSheet } from './mapping';

const ROWS_TEXT = { tasks: '每行填写一项重点工作', indicators: '每行填写一项指标' } as const;

/** Pick the superior's blank .xlsx; the core reads it (nothing is stored yet). */
function PickForm({ disabled }: { disabled: boolean }) {
  const store = useLedgerStore();
  const input = useRef<HTMLInputElement>(null);
  const pick = async (files: File[]) => {
    const [file] = await readPicked(files.slice(0, 1));
    if (file) await store.getState().inspectTemplateFile(file);
  };
  return (
    <div className="templates-pick">
      <button type="button" className="button button-primary" disabled={disabled} onClick={() => input.current?.click()}>
        选择表样文件…
      </button>
      <input
        ref={input}
        type="file"
        className="templates-file-input"
        accept=".xlsx"
        aria-label="选择上级表样文件"
        tabIndex={-1}
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // The same file may be chosen again after a correction.
          event.target.value = '';
          if (files.length > 0) void pick(files);
        }}
      />
      <span className="muted">上级下发的空白Excel表样（.xlsx），带表头即可，不用填写内容。</span>
    </div>
  );
}

/** The top of the form as the clerk knows it, with the header row marked. */
function FormPreview({ sheet, headerRow }: { sheet: TemplateSheet; headerRow: number }) {
  return (
    <div className="templates-preview-wrap">
      <table className="templates-preview" aria-label="表样预览">
        <tbody>
          {sheet.preview.map((row, r) => (
            <tr key={r} className={r + 1 === headerRow ? 'templates-preview-header' : undefined}>
              <th scope="row">{r + 1}</th>
              {previewCells(row).map((cell, c) => (
                <td key={c} colSpan={cell.span}>
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FieldSelect({ label, value, onChange }: { label: string; value: TemplateField | undefined; onChange: (field: TemplateField | undefined) => void }) {
  return (
    <select className="input" aria-label={label} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as TemplateField | undefined)}>
      <option value="">不填</option>
      {FIELD_GROUPS.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.fields.map((field) => (
            <option key={field} value={field}>
              {templateFieldLabels[field]}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** Sheet, header row, a field for each column, and whom the form goes to. */
function MapForm({ inspection, busy, onDone }: { inspection: TemplateInspection; busy: boolean; onDone: () => void }) {
  const store = useLedgerStore();
  const recipients = useLedger((s) => s.reportTemplates);
  const listId = useId();
  const [sheetName, setSheetName] = useState(inspection.sheets[0]?.name ?? '');
  const sheet = inspection.sheets.find((s) => s.name === sheetName) ?? inspection.sheets[0]!;
  const [headerRow, setHeaderRow] = useState(sheet.headerRow);
  const [draft, setDraft] = useState<MappingDraft>(() => mappingDraftOf(sheet.suggested));
  const [recipient, setRecipient] = useState('');
  const [errors, setErrors] = useState<{ recipient?: string; form?: string }>({});

  const columns = columnsForRow(sheet, headerRow);
  const mapping = mappingOf(draft, columns);
  const kind = rowsKind(mapping);

  const chooseSheet = (name: string) => {
    const next = inspection.sheets.find((s) => s.name === name);
    if (!next) return;
    setSheetName(name);
    setHeaderRow(next.headerRow);
    setDraft(mappingDraftOf(next.suggested));
  };
  const setField = (column: number, field: TemplateField | undefined) => {
    const { [column]: _old, ...rest } = draft;
    setDraft(field ? { ...rest, [column]: field } : rest);
  };
  const save = async () => {
    const name = recipient.trim();
    if (name === '') return setErrors({ recipient: '请填写接收单位，如“市卫生健康委”' });
    if (mapping.length === 0) return setErrors({ form: '请至少为一列选择对应字段' });
    setErrors({});
    const outcome = await store.getState().saveReportTemplate({ recipient: name, sheetName: sheet.name, headerRow, mapping });
    if (outcome.ok) onDone();
    else setErrors({ form: outcome.error.message });
  };

  return (
    <div className="templates-map">
      <div className="templates-row">
        <Field label="工作表">
          {(control) => (
            <select {...control} className="input" value={sheet.name} onChange={(e) => chooseSheet(e.target.value)}>
              {inspection.sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="表头所在行" hint={headerRow === sheet.headerRow ? '已自动识别，可修改' : `自动识别为第${sheet.headerRow}行`} className="field-narrow">
          {(control) => (
            <input
              {...control}
              className="input"
              type="number"
              min={1}
              max={50}
              value={headerRow}
              onChange={(e) => {
                const row = Math.trunc(Number(e.target.value));
                if (row >= 1 && row <= 50) setHeaderRow(row);
              }}
            />
          )}
        </Field>
      </div>
      <FormPreview sheet={sheet} headerRow={headerRow} />
      <table className="table templates-columns" aria-label="各列对应字段">
        <thead>
          <tr>
            <th scope="col">列</th>
            <th scope="col">表样中的列标题</th>
            <th scope="col">填写本系统的</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <tr key={column.column}>
              <td className="templates-letter">{column.letter}</td>
              <td>{column.header || <span className="muted">（无标题）</span>}</td>
              <td>
                <FieldSelect label={`${column.letter}列对应字段`} value={draft[column.column]} onChange={(field) => setField(column.column, field)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`templates-kind${kind === 'mixed' ? ' templates-kind-error' : ''}`} role="status">
        {kind === null ? '还没有选择任何字段。' : kind === 'mixed' ? '一张表样只能填写重点工作或指标中的一种，请把另一类字段改为“不填”。' : `${ROWS_TEXT[kind]}，共${mapping.length}列。`}
      </p>
      <TextField
        label="接收单位"
        value={recipient}
        onChange={setRecipient}
        placeholder="如：市卫生健康委"
        maxLength={60}
        required
        list={listId}
        error={errors.recipient}
        hint="每个接收单位保存一份表样；同一接收单位再次保存即替换原表样和对应关系"
      />
      <datalist id={listId}>
        {(recipients ?? []).map((t) => (
          <option key={t.id} value={t.recipient} />
        ))}
      </datalist>
      {errors.form ? (
        <p className="templates-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="button" className="button button-primary" disabled={busy || kind === 'mixed'} onClick={() => void save()}>
          {busy ? '正在保存…' : '保存'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            store.getState().clearTemplateDraft();
            onDone();
          }}
        >
          取消
        </button>
      </div>
    </div>
  );
}

/** 添加上级表样: pick the file, then map it; a refused file says why, in place. */
export function TemplateWizard({ onClose }: { onClose: () => void }) {
  const store = useLedgerStore();
  const draft = useLedger((s) => s.templateDraft);
  return (
    <section className="templates-wizard" aria-label="添加上级表样">
      <div className="templates-wizard-head">
        <h3 className="templates-subtitle">
          添加上级表样{draft ? <span className="card-count">{draft.file.fileName}</span> : null}
        </h3>
        <div className="toolbar">
          {draft?.inspection ? (
            <button type="button" className="button button-small" disabled={draft.busy} onClick={() => store.getState().clearTemplateDraft()}>
              重新选择文件
            </button>
          ) : null}
          <button
            type="button"
            className="button button-small"
            disabled={draft?.busy ?? false}
            onClick={() => {
              store.getState().clearTemplateDraft();
              onClose();
            }}
          >
            关闭
          </button>
        </div>
      </div>
      {!draft || draft.error ? <PickForm disabled={draft?.busy ?? false} /> : null}
      {draft?.busy && !draft.inspection ? <p className="muted">正在读取表样…</p> : null}
      {draft?.error ? (
        <div className="templates-refusal" role="alert">
          <p className="templates-refusal-title">无法使用这个文件</p>
          <p>{draft.error}</p>
        </div>
      ) : null}
      {draft?.inspection ? <MapForm key={`${draft.file.fileName}:${draft.file.contentBase64.length}`} inspection={draft.inspection} busy={draft.busy} onDone={onClose} /> : null}
    </section>
  );
}
