import { useState } from 'react';
import { parsePeriod, periodLabel } from '../../../shared/domain/period';
import { defaultDepartmentId, periodChoices } from '../quarterly/period';
import { useLedger, useLedgerStore } from '../store/context';
import type { SheetPreview } from '../store/exchange';
import { Field } from '../ui/Field';
import { FilePicker } from './FilePicker';
import { readPicked, saveFile } from './files';

/** 导出填报表: a department's tasks and indicators for a quarter, to be filled in Excel. */
function SheetExport() {
  const store = useLedgerStore();
  const status = useLedger((s) => s.status);
  const departments = useLedger((s) => s.departments);
  const plans = useLedger((s) => s.plans);
  const [now] = useState(() => new Date());
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  // The quarter 季度填报 is on (today's, or the last one a plan covers when all have ended).
  const opening = useLedger((s) => s.quarterPeriod);
  const [period, setPeriod] = useState(opening);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const chosen = departmentId ?? defaultDepartmentId(status, departments);

  const run = async () => {
    if (!chosen) return;
    setBusy(true);
    const outcome = await store.getState().exportSheet({ departmentId: chosen, period });
    setBusy(false);
    if (!outcome.ok) return;
    saveFile(outcome.value);
    setSaved(outcome.value.fileName);
  };

  return (
    <div className="card">
      <h2 className="card-title">导出填报表</h2>
      <p className="card-note">给未安装本程序的委属单位、镇街：在Excel中填写本季度进展和指标数值后发回，再在右侧导入。</p>
      <div className="exchange-row">
        <Field label="科室或单位">
          {(control) => (
            <select {...control} className="input" value={chosen ?? ''} onChange={(e) => setDepartmentId(e.target.value)}>
              {(departments ?? []).length === 0 ? <option value="">（还没有科室）</option> : null}
              {(departments ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="季度">
          {(control) => (
            <select {...control} className="input" value={period} onChange={(e) => setPeriod(e.target.value)}>
              {periodChoices(now, plans, period).map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="toolbar">
        <button type="button" className="button button-primary" disabled={busy || !chosen} onClick={() => void run()}>
          {busy ? '正在导出…' : '导出填报表'}
        </button>
        {saved ? (
          <span className="toolbar-note" role="status">
            已保存：<code>{saved}</code>
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** Each row the sheet would write, with its error where it has one. */
function SheetRows({ preview }: { preview: SheetPreview }) {
  if (preview.rows.length === 0) return <p className="muted">填报表中没有填写任何内容。</p>;
  return (
    <table className="table exchange-sheet-rows" aria-label="填报表内容">
      <thead>
        <tr>
          <th scope="col" className="num">
            行
          </th>
          <th scope="col">任务或指标</th>
          <th scope="col">项目</th>
          <th scope="col">本机原值</th>
          <th scope="col">填报值</th>
          <th scope="col">检查结果</th>
        </tr>
      </thead>
      <tbody>
        {preview.rows.map((row, i) => (
          <tr key={i} className={row.error ? 'exchange-row-error' : undefined}>
            <td className="num">{row.row}</td>
            <td>{row.target}</td>
            <td>{row.field}</td>
            <td className="muted">{row.oldValue ?? '（空）'}</td>
            <td>{row.newValue}</td>
            <td>{row.error ? <span className="exchange-cell-error">✗ {row.error}</span> : <span className="exchange-cell-ok">✓ 将写入</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 导入填报表: the filled sheet is checked row by row; the clerk confirms who sent it. */
function SheetImport() {
  const store = useLedgerStore();
  const current = useLedger((s) => s.sheetImport);
  const [confirmed, setConfirmed] = useState(false);
  const pick = async (files: File[]) => {
    const [file] = await readPicked(files);
    setConfirmed(false);
    if (file) await store.getState().previewSheet(file);
  };
  const preview = current?.preview ?? null;
  const result = current?.result ?? null;

  return (
    <div className="card exchange-import">
      <div className="exchange-import-head">
        <h2 className="card-title">
          导入填回的填报表
          {current ? <span className="card-count">{current.file.fileName}</span> : null}
        </h2>
        {current ? (
          <button type="button" className="button" disabled={current.busy} onClick={() => store.getState().clearSheetImport()}>
            {result ? '导入其他填报表' : '重新选择'}
          </button>
        ) : null}
      </div>
      {!current ? (
        <FilePicker
          title="把填好的Excel填报表拖到这里"
          button="选择填报表…"
          accept=".xlsx"
          multiple={false}
          hint="只支持本程序导出的填报表（.xlsx）"
          disabled={false}
          onFiles={(files) => void pick(files)}
        />
      ) : null}
      {current?.error ? (
        <div className="exchange-refusal" role="alert">
          <p className="exchange-refusal-title">{preview ? '未能导入' : '无法导入这个文件'}</p>
          <p>{current.error}</p>
        </div>
      ) : null}
      {current?.busy && !preview ? (
        <p className="loading" role="status">
          正在检查填报表…
        </p>
      ) : null}
      {result ? (
        <p className="exchange-headline" role="status">
          已写入{result.written}行{result.skipped > 0 ? `，${result.skipped}行有错误未写入，请对方改正后重新发回` : ''}
        </p>
      ) : preview ? (
        <>
          <p className="exchange-headline">
            {preview.departmentName} · {periodLabel(parsePeriod(preview.period))}：{preview.changes}处修改将写入
            {preview.errors > 0 ? <span className="exchange-cell-error">，{preview.errors}行有错误（有错误的行整行不导入）</span> : null}
          </p>
          <SheetRows preview={preview} />
          <div className="exchange-trust" role="group" aria-label="确认来源">
            <p className="exchange-trust-title">填报表没有签名</p>
            <p>Excel文件任何人都能修改，程序无法确认是谁填写的。请确认这份填报表确实来自{preview.departmentName}（例如通过政务邮箱收到），再导入。</p>
            <label className="exchange-check exchange-check-strong">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              我已确认来源：这份填报表来自{preview.departmentName}
            </label>
          </div>
          <div className="toolbar">
            <button type="button" className="button button-primary button-large" disabled={!confirmed || current?.busy || preview.changes === 0} onClick={() => void store.getState().importSheet()}>
              {current?.busy ? '正在导入…' : '导入'}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}

/** Excel填报表 for units without the app: export, then import the filled sheet. */
export function SheetPanel() {
  return (
    <div className="exchange-columns">
      <SheetExport />
      <SheetImport />
    </div>
  );
}
