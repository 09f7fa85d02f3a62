import type { ImportPreview } from '../../../shared/api/sync';
import { parsePeriod, periodLabel } from '../../../shared/domain/period';
import { formatDateTime } from '../ui/format';
import { Fingerprint } from './Fingerprint';
import { kindLabel } from './labels';

const columns = [
  { key: 'new', label: '新增' },
  { key: 'updated', label: '更新' },
  { key: 'unchanged', label: '无变化' },
  { key: 'conflicts', label: '冲突' },
  { key: 'ignored', label: '已有' },
] as const;

/** Who sent the package, and its fingerprint to check against what the sender reads out. */
function SenderCard({ preview }: { preview: ImportPreview }) {
  const { origin } = preview;
  return (
    <div className={`exchange-sender${origin.trust === 'new' ? ' exchange-sender-new' : ''}`}>
      <dl className="exchange-sender-facts">
        <div>
          <dt>发送单位</dt>
          <dd>{origin.officeName}</dd>
        </div>
        <div>
          <dt>科室</dt>
          <dd>{origin.departmentName ?? '办公室（不属于某个科室）'}</dd>
        </div>
        <div>
          <dt>类型</dt>
          <dd>
            {kindLabel(preview.kind)}
            {preview.period ? ` · ${periodLabel(parsePeriod(preview.period))}` : ''}
          </dd>
        </div>
        <div>
          <dt>导出时间</dt>
          <dd>{formatDateTime(preview.createdAt)}</dd>
        </div>
      </dl>
      <div className="exchange-sender-code">
        <span className="exchange-code-label">对方电脑的识别码</span>
        <Fingerprint code={origin.fingerprint} />
        {origin.trust === 'known' ? <span className="exchange-trusted">✓ 已信任的电脑</span> : null}
      </div>
    </div>
  );
}

/** Per table: what importing would add, change, leave, or put in the conflict queue. */
function TableSummary({ preview }: { preview: ImportPreview }) {
  // The sending PC itself is shown above with its code; its row would only repeat it as an id.
  const tables = preview.tables.filter((t) => t.table !== 'installations' && t.new + t.updated + t.unchanged + t.conflicts + t.ignored > 0);
  if (tables.length === 0) return null;
  return (
    <table className="table exchange-tables" aria-label="各类内容的变化">
      <thead>
        <tr>
          <th scope="col">内容</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" className="num">
              {c.label}
            </th>
          ))}
          <th scope="col">例如</th>
        </tr>
      </thead>
      <tbody>
        {tables.map((t) => (
          <tr key={t.table}>
            <th scope="row">{t.label}</th>
            {columns.map((c) => (
              <td key={c.key} className={`num${t[c.key] > 0 ? ` exchange-count-${c.key}` : ' exchange-zero'}`}>
                {t[c.key]}
              </td>
            ))}
            <td className="exchange-examples">
              {t.examples.length > 0 ? (
                <ul>
                  {t.examples.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The preview a clerk reads before importing: headline, sender and code, then the changes. */
export function PackagePreview({ preview }: { preview: ImportPreview }) {
  return (
    <div className="exchange-preview" aria-label="数据包预览">
      <p className="exchange-headline">{preview.headline}</p>
      <SenderCard preview={preview} />
      {preview.nothingNew ? (
        <p className="exchange-notice exchange-notice-ok exchange-nothing-new" role="status">
          已导入，无新变化：这个数据包的内容本机都已经有了。
        </p>
      ) : (
        <>
          {preview.conflicts > 0 ? (
            <p className="exchange-notice exchange-notice-warning">
              有{preview.conflicts}处内容与本机的修改不一致，导入后会列入“冲突”，由您决定保留哪一个，任何修改都不会丢失。
            </p>
          ) : null}
          <TableSummary preview={preview} />
        </>
      )}
    </div>
  );
}
