import { useLedger } from '../store/context';
import type { OwnerRow } from './owners';
import { newDepartmentNames, unresolvedOwners } from './owners';

/** The select's value for a department this review creates. */
const NEW = 'new:';

function RowStatus({ row, departmentName }: { row: OwnerRow; departmentName: (id: string) => string }) {
  if (row.match) return <span className="owner-status owner-status-known">已对应“{row.match.name}”</span>;
  if (row.choice?.action === 'create') {
    const joins = row.choice.as !== undefined && row.choice.as !== row.name;
    return <span className="owner-status owner-status-create">{joins ? `对应到新建科室“${row.choice.as}”` : '将新建科室'}</span>;
  }
  if (row.choice?.action === 'map') return <span className="owner-status owner-status-known">对应到“{departmentName(row.choice.departmentId)}”</span>;
  return <span className="owner-status owner-status-unknown">待处理</span>;
}

function selectValue(row: OwnerRow): string {
  if (row.choice?.action === 'map') return row.choice.departmentId;
  if (row.choice?.action === 'create' && row.choice.as !== undefined && row.choice.as !== row.name) return NEW + row.choice.as;
  return '';
}

function OwnerActions({ row, created }: { row: OwnerRow; created: readonly string[] }) {
  const departments = useLedger((s) => s.departments) ?? [];
  const choose = useLedger((s) => s.chooseOwner);
  if (row.match) return <span className="muted">按名称或别名自动对应</span>;
  // Departments other rows create can take this name too (公卫科（爱卫办） → the new 公卫科).
  const others = created.filter((name) => name !== row.name);
  const pick = (value: string) => {
    if (!value) choose(row.name, null);
    else if (value.startsWith(NEW)) choose(row.name, { action: 'create', as: value.slice(NEW.length) });
    else choose(row.name, { action: 'map', departmentId: value });
  };
  return (
    <div className="owner-actions">
      <select
        className="input input-small"
        aria-label={`“${row.name}”对应到已有科室`}
        value={selectValue(row)}
        disabled={departments.length === 0 && others.length === 0}
        onChange={(event) => pick(event.target.value)}
      >
        <option value="">对应到已有科室…</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
        {others.length > 0 ? (
          <optgroup label="本次新建的科室">
            {others.map((name) => (
              <option key={name} value={NEW + name}>
                {name}（新建）
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      {row.choice?.action === 'create' ? (
        <button type="button" className="button button-small" onClick={() => choose(row.name, null)}>
          撤销新建
        </button>
      ) : (
        <button type="button" className="button button-small" aria-label={`新建科室“${row.name}”`} onClick={() => choose(row.name, { action: 'create' })}>
          新建科室
        </button>
      )}
      {row.suggestion && !row.choice ? (
        <button type="button" className="link-button owner-suggestion" onClick={() => choose(row.name, { action: 'map', departmentId: row.suggestion!.id })}>
          可能是“{row.suggestion.name}”，点此对应
        </button>
      ) : row.joinSuggestion && !row.choice ? (
        <button type="button" className="link-button owner-suggestion" onClick={() => choose(row.name, { action: 'create', as: row.joinSuggestion! })}>
          可能是新建的“{row.joinSuggestion}”，点此对应
        </button>
      ) : null}
    </div>
  );
}

function OwnerLine({ row, created }: { row: OwnerRow; created: readonly string[] }) {
  const departments = useLedger((s) => s.departments) ?? [];
  const nameOf = (id: string) => departments.find((d) => d.id === id)?.name ?? '已删除的科室';
  return (
    <tr className={!row.match && !row.choice ? 'owner-row-open' : undefined}>
      <th scope="row" className="owner-name">
        <span className="owner-name-text">{row.name}</span>
        <RowStatus row={row} departmentName={nameOf} />
      </th>
      <td className="owner-count">{row.taskCount} 项</td>
      <td>
        <OwnerActions row={row} created={created} />
      </td>
    </tr>
  );
}

/** Every lead owner name in the draft and the department it goes to; unknown names need a decision. */
export function OwnersPanel({ rows }: { rows: readonly OwnerRow[] }) {
  const choose = useLedger((s) => s.chooseOwner);
  const departmentCount = useLedger((s) => s.departments?.length ?? 0);
  const open = unresolvedOwners(rows);
  const created = newDepartmentNames(rows);
  if (rows.length === 0) return <p className="empty-text owners-empty">本次导入的任务中没有牵头科室。</p>;
  return (
    <div className="owners">
      <div className={`notice ${open.length > 0 ? 'notice-warning' : 'notice-ok'}`}>
        {open.length > 0 ? (
          <p>
            文件中共有 {rows.length} 个牵头科室名称，其中 <strong>{open.length} 个</strong>
            与本单位的科室对不上。请逐个选择“对应到已有科室”（例如“公卫科”就是“公共卫生科”），或“新建科室”。全部处理后才能保存；
            对应关系会记为该科室的别名，下次导入时自动识别。
          </p>
        ) : (
          <p>文件中的 {rows.length} 个牵头科室名称都已对应到本单位的科室。</p>
        )}
        {departmentCount === 0 ? <p>本单位还没有登记科室：可以全部新建，也可以先到“设置”中添加科室。</p> : null}
        {open.length > 1 ? (
          <button type="button" className="button button-small owners-bulk" onClick={() => open.forEach((name) => choose(name, { action: 'create' }))}>
            其余 {open.length} 个全部新建科室
          </button>
        ) : null}
      </div>
      <table className="table owners-table" aria-label="科室对应">
        <thead>
          <tr>
            <th scope="col">文件中的名称</th>
            <th scope="col">涉及任务</th>
            <th scope="col">对应到本单位的科室</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <OwnerLine key={row.name} row={row} created={created} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
