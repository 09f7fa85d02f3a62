import { useState } from 'react';
import { useLedger } from '../store/context';
import { ProgressBar } from '../ui/ProgressBar';
import { fileToBase64 } from './base64';
import { DropZone } from './DropZone';
import { PasteBox } from './PasteBox';
import { ResumeDrafts } from './ResumeDrafts';

/** Same limit as the contract: 50 MB of file becomes about 70 million base64 characters. */
const MAX_BYTES = 50 * 1024 * 1024;

type InputTab = 'file' | 'paste';

function Steps() {
  return (
    <ol className="import-steps" aria-label="导入步骤">
      <li className="import-step import-step-current">① 选择文件或粘贴文字</li>
      <li className="import-step">② 核对任务、牵头科室和指标</li>
      <li className="import-step">③ 保存到台账</li>
    </ol>
  );
}

function Parsing({ fileName, parsing }: { fileName: string | null; parsing: boolean }) {
  const cancelParse = useLedger((s) => s.cancelParse);
  return (
    <div className="import-parsing" role="status">
      <p className="import-parsing-title">{fileName ? `正在读取“${fileName}”并识别任务…` : '正在识别粘贴的文字…'}</p>
      <p className="field-hint">较长的 PDF 需要逐页读取，请稍候。</p>
      <ProgressBar only="imports.parse" />
      {parsing ? (
        <button type="button" className="button" onClick={() => void cancelParse()}>
          取消
        </button>
      ) : null}
    </div>
  );
}

/** Step one: a file (dropped or picked) or pasted text, sent to imports.parse. */
export function ImportInput() {
  const stage = useLedger((s) => s.importStage);
  const error = useLedger((s) => s.importError);
  const fileName = useLedger((s) => s.importFileName);
  const parseImport = useLedger((s) => s.parseImport);
  const showImportError = useLedger((s) => s.showImportError);
  const [tab, setTab] = useState<InputTab>('file');
  const [reading, setReading] = useState<string | null>(null);
  const busy = stage === 'parsing' || reading !== null;

  const onFile = async (file: File) => {
    if (file.size > MAX_BYTES) {
      showImportError(`文件“${file.name}”太大（超过50MB），请拆分后再导入`);
      return;
    }
    setReading(file.name);
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch {
      setReading(null);
      showImportError(`无法读取文件“${file.name}”，请确认文件没有被其他程序占用后重试`);
      return;
    }
    setReading(null);
    await parseImport({ fileName: file.name, contentBase64 }, file.name);
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          导入计划
        </h1>
      </div>
      <div className="card import-input">
        <p className="card-note import-intro">
          收到工作要点、规划、实施方案或任务清单后，不必再逐条录入 Excel：选择文件，程序会识别章节、任务、牵头科室、完成时限和量化指标，核对无误后一次保存到任务台账。
        </p>
        <ResumeDrafts disabled={busy} />
        <Steps />
        <div className="tabs" role="tablist" aria-label="导入方式">
          <button type="button" role="tab" id="import-tab-file" aria-selected={tab === 'file'} aria-controls="import-panel" className="tab" onClick={() => setTab('file')}>
            选择文件
          </button>
          <button type="button" role="tab" id="import-tab-paste" aria-selected={tab === 'paste'} aria-controls="import-panel" className="tab" onClick={() => setTab('paste')}>
            粘贴文字
          </button>
        </div>
        <div id="import-panel" role="tabpanel" aria-labelledby={tab === 'file' ? 'import-tab-file' : 'import-tab-paste'} className="import-panel">
          {busy ? (
            <Parsing fileName={stage === 'parsing' ? fileName : reading} parsing={stage === 'parsing'} />
          ) : tab === 'file' ? (
            <DropZone disabled={busy} onFile={(file) => void onFile(file)} />
          ) : (
            <PasteBox disabled={busy} onSubmit={(text) => void parseImport({ pastedText: text }, null)} />
          )}
          {error && !busy ? (
            <p className="import-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="notice notice-info import-legacy" role="note">
            <p>
              <strong>旧版 Word 文件（.doc）和 WPS 文件（.wps）不能直接导入。</strong>请先在 Word 或 WPS 中打开，点“文件 → 另存为”，保存类型选“Word
              文档（*.docx）”，再导入新保存的 .docx 文件。
            </p>
          </div>
          <ul className="import-hints">
            <li>PDF 需是由 Word 等软件导出的（能选中文字）；扫描件或图片无法识别文字。</li>
            <li>识别结果需要人工核对，保存前不会写入任何数据。</li>
          </ul>
        </div>
      </div>
    </section>
  );
}
