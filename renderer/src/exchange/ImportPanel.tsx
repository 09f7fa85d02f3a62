import { useState } from 'react';
import { packageSizeProblem } from '../../../shared/sync/limits';
import { PACKAGE_EXTENSION } from '../../../shared/sync/manifest';
import { useLedger, useLedgerStore } from '../store/context';
import { Fingerprint } from './Fingerprint';
import { FilePicker } from './FilePicker';
import { readPicked, saveFile } from './files';
import { PackagePreview } from './PackagePreview';

/** 导入数据包: pick the file (all parts of a split package), read the preview, confirm, import. */
export function ImportPanel() {
  const store = useLedgerStore();
  const current = useLedger((s) => s.packageImport);
  const [checked, setChecked] = useState(false);
  const [reading, setReading] = useState(false);
  // Files too large to read are refused from their sizes, before anything is read.
  const [tooLarge, setTooLarge] = useState<string | null>(null);

  const pick = async (files: File[]) => {
    setChecked(false);
    const problem = packageSizeProblem(files);
    setTooLarge(problem);
    if (problem) return;
    setReading(true);
    try {
      await store.getState().previewPackage(await readPicked(files));
    } finally {
      setReading(false);
    }
  };

  const preview = current?.preview ?? null;
  const result = current?.result ?? null;
  const isNew = preview?.origin.trust === 'new';
  const busy = reading || (current?.busy ?? false);

  if (!current) {
    return (
      <div className="card">
        <h2 className="card-title">导入数据包</h2>
        <p className="card-note">导入前会先核对签名并显示将要写入的内容，确认后才写入；写入前自动备份数据库。</p>
        <FilePicker
          title="把收到的数据包拖到这里"
          button="选择数据包…"
          accept=""
          multiple
          hint={`数据包文件以 ${PACKAGE_EXTENSION} 结尾；分卷发送的数据包请把全部分卷一起选中`}
          disabled={busy}
          onFiles={(files) => void pick(files)}
        />
        {tooLarge ? (
          <div className="exchange-refusal" role="alert">
            <p className="exchange-refusal-title">无法导入这个文件</p>
            <p>{tooLarge}</p>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div className="card exchange-import">
      <div className="exchange-import-head">
        <h2 className="card-title">
          导入数据包
          <span className="card-count">{current.files.map((f) => f.fileName).join('、')}</span>
        </h2>
        <button type="button" className="button" disabled={busy} onClick={() => store.getState().clearPackageImport()}>
          {result ? '导入其他数据包' : '重新选择'}
        </button>
      </div>

      {current.error ? (
        <div className="exchange-refusal" role="alert">
          <p className="exchange-refusal-title">{preview ? '未能导入' : '无法导入这个文件'}</p>
          <p>{current.error}</p>
        </div>
      ) : null}
      {busy && !preview && !current.error ? (
        <p className="loading" role="status">
          正在核对数据包…
        </p>
      ) : null}

      {result ? (
        <div className="exchange-done" role="status">
          <p className="exchange-headline">{result.preview.nothingNew ? '已导入，无新变化' : `导入完成：${result.preview.headline}`}</p>
          {result.preview.conflicts > 0 ? (
            <p className="exchange-notice exchange-notice-warning">
              有{result.preview.conflicts}处冲突等待处理。
              <button type="button" className="link-button" onClick={() => store.getState().setExchangeTab('conflicts')}>
                前往处理冲突
              </button>
            </p>
          ) : null}
          {result.receipt ? (
            <div className="exchange-receipt">
              <p>请把回执发回给对方，对方下次只需发送新的变化。</p>
              <button type="button" className="button button-primary" onClick={() => result.receipt && saveFile(result.receipt)}>
                保存回执
              </button>
            </div>
          ) : null}
        </div>
      ) : preview ? (
        <>
          <PackagePreview preview={preview} />
          {isNew && !preview.nothingNew ? (
            <div className="exchange-trust" role="group" aria-label="核对识别码">
              <p className="exchange-trust-title">这是第一次收到这台电脑的数据包</p>
              <p>
                请打电话给{preview.origin.officeName}
                {preview.origin.departmentName ?? ''}，请对方在“设置”中念出本机识别码，与上面的识别码逐组核对。完全一致才能导入。
              </p>
              <label className="exchange-check exchange-check-strong">
                <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
                我已核对识别码 <Fingerprint code={preview.origin.fingerprint} />
              </label>
            </div>
          ) : null}
          {!preview.nothingNew ? (
            <div className="toolbar">
              <button
                type="button"
                className="button button-primary button-large"
                disabled={busy || (isNew && !checked)}
                onClick={() => void store.getState().importPackage(isNew ? preview.origin.fingerprint : null)}
              >
                {current.busy ? '正在导入…' : '导入'}
              </button>
              {isNew && !checked ? <span className="toolbar-note">请先核对识别码并勾选</span> : null}
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
