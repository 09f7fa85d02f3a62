import { useEffect, useState } from 'react';
import { MAX_PACKAGE_FILE_MB } from '../../../shared/sync/limits';
import type { CallResult } from '../../../shared/api';
import type { PackageKind } from '../../../shared/sync/manifest';
import { currentPeriodText, defaultDepartmentId, periodChoices } from '../quarterly/period';
import { useLedger, useLedgerStore } from '../store/context';
import { Field } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { saveFile } from './files';
import { exportKinds, kindLabel } from './labels';

const ALL_PERIODS = '';

/** 导出数据包: what kind, for whom, which quarter, split for mail; the files are saved as downloads. */
export function ExportPanel() {
  const store = useLedgerStore();
  const status = useLedger((s) => s.status);
  const departments = useLedger((s) => s.departments);
  const plans = useLedger((s) => s.plans);
  const records = useLedger((s) => s.exchangeRecords);
  const ownDepartment = status?.installation?.departmentId ?? null;
  const [now] = useState(() => new Date());
  const [kind, setKind] = useState<PackageKind>(ownDepartment ? 'return' : 'assignment');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [period, setPeriod] = useState<string>(ALL_PERIODS);
  const [split, setSplit] = useState(false);
  const [splitMb, setSplitMb] = useState('20');
  const [forPackageId, setForPackageId] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CallResult<'sync.export'> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (kind === 'receipt' && records === null) void store.getState().loadExchangeRecords();
  }, [kind, records, store]);

  const chosenDepartment = departmentId ?? defaultDepartmentId(status, departments);
  const received = (records ?? []).filter((r) => r.direction === 'in' && r.kind !== 'receipt' && r.kind !== 'sheet');
  const mb = Number(splitMb);
  const splitInvalid = split && !(Number.isFinite(mb) && mb >= 1 && mb <= MAX_PACKAGE_FILE_MB);

  const missing = (): string | null => {
    if (kind === 'assignment' && !chosenDepartment) return '请先在“设置”中添加科室，再下发';
    if (kind === 'receipt' && !forPackageId) return '请选择要回执的数据包';
    if (splitInvalid) return `分卷大小应为1到${MAX_PACKAGE_FILE_MB}之间的数字（MB）`;
    return null;
  };

  const run = async () => {
    const why = missing();
    setProblem(why);
    if (why) return;
    setBusy(true);
    setResult(null);
    const outcome = await store.getState().exportPackage({
      kind,
      departmentId: kind === 'assignment' ? chosenDepartment : kind === 'return' ? ownDepartment : null,
      toInstallationId: null,
      period: (kind === 'assignment' || kind === 'return') && period !== ALL_PERIODS ? period : null,
      forPackageId: kind === 'receipt' ? forPackageId : null,
      splitMb: split ? mb : null,
    });
    setBusy(false);
    if (!outcome.ok) {
      setProblem(outcome.error.fields ? Object.values(outcome.error.fields).join('；') : outcome.error.message);
      return;
    }
    for (const file of outcome.value.files) saveFile(file);
    setResult(outcome.value);
  };

  return (
    <div className="exchange-columns">
      <div className="card exchange-form">
        <h2 className="card-title">导出数据包</h2>
        <fieldset className="field exchange-kinds">
          <legend className="field-label">类型</legend>
          {exportKinds.map((k) => (
            <label key={k.kind} className={`exchange-kind${k.kind === kind ? ' exchange-kind-chosen' : ''}`}>
              <input type="radio" name="exchange-kind" value={k.kind} checked={k.kind === kind} onChange={() => setKind(k.kind)} />
              <span className="exchange-kind-label">{k.label}</span>
              <span className="exchange-kind-text">{k.text}</span>
            </label>
          ))}
        </fieldset>

        {kind === 'assignment' ? (
          <Field label="下发给哪个科室" required>
            {(control) => (
              <select {...control} className="input" value={chosenDepartment ?? ''} onChange={(e) => setDepartmentId(e.target.value)}>
                {(departments ?? []).length === 0 ? <option value="">（还没有科室）</option> : null}
                {(departments ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}

        {kind === 'return' && status?.installation?.departmentName ? (
          <p className="exchange-fact">
            上报科室：<strong>{status.installation.departmentName}</strong>
          </p>
        ) : null}

        {kind === 'assignment' || kind === 'return' ? (
          <Field label="季度" hint={kind === 'return' ? '只上报这个季度的进展和数值；选“全部季度”则上报全部未回执的变化' : '下发哪个季度要填报的任务和指标'}>
            {(control) => (
              <select {...control} className="input" value={period} onChange={(e) => setPeriod(e.target.value)}>
                <option value={ALL_PERIODS}>全部季度</option>
                {periodChoices(now, plans).map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                    {c.value === currentPeriodText(now) ? '（本季度）' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}

        {kind === 'receipt' ? (
          <Field label="回执哪个数据包" required hint="导入数据包后，也可以在导入结果中直接保存回执">
            {(control) => (
              <select {...control} className="input" value={forPackageId} onChange={(e) => setForPackageId(e.target.value)}>
                <option value="">{received.length === 0 ? '（还没有收到过数据包）' : '请选择'}</option>
                {received.map((r) => (
                  <option key={r.id} value={r.id}>
                    {formatDateTime(r.at)} {kindLabel(r.kind)} {r.peerName ?? ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}

        <label className="exchange-check">
          <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} />
          按大小分卷（政务邮箱附件有大小限制时使用）
        </label>
        {split ? (
          <Field label="每卷不超过（MB）" error={splitInvalid ? `请输入1到${MAX_PACKAGE_FILE_MB}之间的数字` : undefined} hint="对方导入时请把全部分卷一起选中">
            {(control) => <input {...control} className="input exchange-mb" inputMode="numeric" value={splitMb} onChange={(e) => setSplitMb(e.target.value)} />}
          </Field>
        ) : null}

        {problem ? (
          <p className="exchange-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="toolbar">
          <button type="button" className="button button-primary button-large" disabled={busy} onClick={() => void run()}>
            {busy ? '正在导出…' : '导出'}
          </button>
        </div>
      </div>

      {result ? (
        <div className="card exchange-done" role="status">
          <h2 className="card-title">已导出</h2>
          <p className="exchange-summary">{result.summary}</p>
          <p className="muted">文件已保存到下载文件夹{result.files.length > 1 ? `，共${result.files.length}个分卷，请全部发送给对方` : ''}：</p>
          <ul className="exchange-files">
            {result.files.map((f) => (
              <li key={f.fileName}>
                <code>{f.fileName}</code>
                <button type="button" className="link-button" onClick={() => saveFile(f)}>
                  再次保存
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
