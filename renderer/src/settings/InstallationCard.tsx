import { useLedger } from '../store/context';
import { DepartmentBinding } from './DepartmentBinding';

/** This PC's identity: the fingerprint is read out over the phone before exchanging data. */
export function InstallationCard() {
  const status = useLedger((s) => s.status);
  const installation = status?.installation;
  if (!status || !installation) return null;
  return (
    <section className="card" aria-labelledby="installation-title">
      <h2 id="installation-title" className="card-title">
        本机信息
      </h2>
      <dl className="facts">
        <div>
          <dt>本机识别码</dt>
          <dd>
            <code className="fingerprint">{installation.fingerprint}</code>
            <span className="facts-note">与其他电脑交换数据时，请电话核对对方的识别码</span>
          </dd>
        </div>
        <div>
          <dt>本机所属科室</dt>
          <dd>
            {installation.departmentId ? (
              <DepartmentBinding departmentId={installation.departmentId} departmentName={installation.departmentName ?? ''} />
            ) : (
              '未指定（办公室汇总、审核用电脑）'
            )}
          </dd>
        </div>
        <div>
          <dt>数据文件</dt>
          <dd className="facts-path">{status.databasePath}</dd>
        </div>
        <div>
          <dt>软件版本</dt>
          <dd>{status.appVersion}</dd>
        </div>
      </dl>
    </section>
  );
}
