import { useRef, useState } from 'react';
import type { SystemStatus } from '../../../shared/api/system';
import { useLedger } from '../store/context';
import { Modal } from '../ui/Modal';

export const PRODUCT_NAME = '目标台账';

/** The folder holding the database file; paths may come from Windows or Linux. */
export function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  if (cut < 0) return filePath;
  // Keep the root itself: "C:\ledger.sqlite" → "C:\", "/ledger.sqlite" → "/".
  if (cut === 0 || /^[A-Za-z]:$/.test(filePath.slice(0, cut))) return filePath.slice(0, cut + 1);
  return filePath.slice(0, cut);
}

/**
 * The clipboard API may be refused (the desktop shell grants no permissions, a plain http page
 * has none); copying a selected text area still works from a click.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.append(area);
    area.select();
    let copied: boolean;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    previous?.focus();
    return copied;
  }
}

type CopyState = 'idle' | 'copied' | 'failed';

/** 关于目标台账 while it is open (from the header or the desktop menu). */
export function AboutDialog() {
  const open = useLedger((s) => s.aboutOpen);
  const status = useLedger((s) => s.status);
  return open && status ? <AboutContent status={status} /> : null;
}

/** Versions, where the data lives, and who this PC is; mounted afresh each time it opens. */
function AboutContent({ status }: { status: SystemStatus }) {
  const settings = useLedger((s) => s.settings);
  const close = useLedger((s) => s.hideAbout);
  const [copy, setCopy] = useState<CopyState>('idle');
  const pathRef = useRef<HTMLElement>(null);

  const folder = folderOf(status.databasePath);
  const installation = status.installation;
  const officeName = settings?.officeName || installation?.officeName || '';
  const onCopy = async () => {
    const copied = await copyText(folder);
    setCopy(copied ? 'copied' : 'failed');
    if (!copied && pathRef.current) {
      // Leave the path selected so Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(pathRef.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
  };

  return (
    <Modal title={`关于${PRODUCT_NAME}`} onClose={close}>
      <div className="modal-body about">
        <p className="about-product">{PRODUCT_NAME}</p>
        <p className="about-tagline">区卫生健康委重点工作目标任务台账</p>
        <dl className="facts about-facts">
          <div>
            <dt>软件版本</dt>
            <dd>{status.appVersion}</dd>
          </div>
          <div>
            <dt>数据库版本</dt>
            <dd>第 {status.schemaVersion} 版</dd>
          </div>
          <div>
            <dt>数据文件夹</dt>
            <dd>
              <span className="about-folder">
                <code ref={pathRef} className="facts-path about-path">
                  {folder}
                </code>
                <button type="button" className="button button-small" onClick={() => void onCopy()} aria-label="复制数据文件夹路径">
                  复制
                </button>
              </span>
              <span className="about-copy-note" role="status">
                {copy === 'copied' ? '已复制到剪贴板' : copy === 'failed' ? '无法自动复制：路径已选中，请按 Ctrl+C 复制' : ''}
              </span>
            </dd>
          </div>
          {installation ? (
            <>
              <div>
                <dt>本机单位</dt>
                <dd>{officeName}</dd>
              </div>
              <div>
                <dt>本机科室</dt>
                <dd>{installation.departmentName ?? '未指定（办公室汇总用电脑）'}</dd>
              </div>
              <div>
                <dt>本机识别码</dt>
                <dd>
                  <code className="fingerprint">{installation.fingerprint}</code>
                </dd>
              </div>
            </>
          ) : (
            <div>
              <dt>本机</dt>
              <dd>尚未初始化</dd>
            </div>
          )}
        </dl>
      </div>
      <div className="modal-footer">
        <button type="button" className="button button-primary" onClick={close} data-autofocus>
          关闭
        </button>
      </div>
    </Modal>
  );
}
