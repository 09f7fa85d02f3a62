import { useEffect } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { formatDateTime } from '../ui/format';
import { Fingerprint } from './Fingerprint';
import { kindLabel } from './labels';

/** 收发记录 and 已信任的电脑. */
export function RecordsPanel() {
  const store = useLedgerStore();
  const records = useLedger((s) => s.exchangeRecords);
  const peers = useLedger((s) => s.trustedPeers);
  const own = useLedger((s) => s.status?.installation?.fingerprint ?? null);

  useEffect(() => {
    void store.getState().loadExchangeRecords();
  }, [store]);

  return (
    <div className="exchange-records">
      <div className="card">
        <h2 className="card-title">
          收发记录<span className="card-count">{records ? `${records.length}条` : ''}</span>
        </h2>
        {records === null ? (
          <p className="loading">正在读取…</p>
        ) : records.length === 0 ? (
          <EmptyState title="还没有收发过数据包" />
        ) : (
          <table className="table" aria-label="收发记录">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">收/发</th>
                <th scope="col">类型</th>
                <th scope="col">对方</th>
                <th scope="col">文件</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={`${r.direction}-${r.id}-${r.at}`}>
                  <td className="nowrap">{formatDateTime(r.at)}</td>
                  <td>
                    <span className={`exchange-direction exchange-direction-${r.direction}`}>{r.direction === 'in' ? '收到' : '发出'}</span>
                  </td>
                  <td className="nowrap">{kindLabel(r.kind)}</td>
                  <td>{r.peerName ?? '—'}</td>
                  <td className="exchange-file-name">{r.fileName ?? '—'}</td>
                  <td>{r.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card">
        <h2 className="card-title">已信任的电脑</h2>
        <p className="card-note">
          第一次导入某台电脑的数据包时核对过识别码的电脑。本机识别码：{own ? <Fingerprint code={own} label="本机识别码" /> : '—'}
        </p>
        {peers === null ? null : peers.length === 0 ? (
          <EmptyState title="还没有信任任何电脑" />
        ) : (
          <table className="table" aria-label="已信任的电脑">
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">科室</th>
                <th scope="col">识别码</th>
                <th scope="col">信任时间</th>
              </tr>
            </thead>
            <tbody>
              {peers.map((p) => (
                <tr key={p.installationId}>
                  <td>{p.officeName ?? '—'}</td>
                  <td>{p.departmentName ?? '办公室'}</td>
                  <td>
                    <Fingerprint code={p.fingerprint} />
                  </td>
                  <td className="nowrap">{formatDateTime(p.trustedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
