import type { OverviewRow } from '../store/review';

interface OverviewTableProps {
  readonly rows: readonly OverviewRow[];
  readonly selected: string | null;
  readonly onSelect: (departmentId: string) => void;
}

const count = (n: number, tone?: string) => <span className={n > 0 && tone ? `overview-count overview-${tone}` : 'overview-count'}>{n}</span>;

/** 应填, 未填, 草稿, 已提交, 已退回, 已审核 and 催办 per department. */
export function OverviewTable({ rows, selected, onSelect }: OverviewTableProps) {
  return (
    <table className="table overview-table" aria-label="各科室填报情况">
      <thead>
        <tr>
          <th scope="col">科室</th>
          <th scope="col" className="col-num">
            应填
          </th>
          <th scope="col" className="col-num">
            未填
          </th>
          <th scope="col" className="col-num">
            草稿
          </th>
          <th scope="col" className="col-num">
            已提交
          </th>
          <th scope="col" className="col-num">
            已退回
          </th>
          <th scope="col" className="col-num">
            已审核
          </th>
          <th scope="col">催办</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.departmentId} className={row.departmentId === selected ? 'overview-selected' : undefined} aria-selected={row.departmentId === selected}>
            <th scope="row">
              <button type="button" className="link-button overview-department" onClick={() => onSelect(row.departmentId)}>
                {row.departmentName}
              </button>
            </th>
            <td className="col-num">{row.tasks}</td>
            <td className="col-num">{count(row.missing, 'missing')}</td>
            <td className="col-num">{count(row.draft)}</td>
            <td className="col-num">{count(row.submitted, 'submitted')}</td>
            <td className="col-num">{count(row.returned, 'returned')}</td>
            <td className="col-num">{count(row.approved, 'approved')}</td>
            <td>{row.late ? <span className="overview-late">催办</span> : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
