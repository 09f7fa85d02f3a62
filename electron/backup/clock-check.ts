import { parseHlc } from '../../shared/domain/hlc';
import { AppError } from '../core/app-error';
import { UNCHANGED } from './limits';

/*
 * A restored database's clock moves past every timestamp the backup holds, and every later change
 * on this PC is stamped after it. A backup stamped far ahead (its PC's date was wrong, or it was
 * crafted) would make every package this PC sends one that peers hold back as "too far ahead". So
 * it is refused by the same allowance the merge applies to packages (sync_max_clock_ahead_hours).
 */

const HOUR = 3_600_000;

function localDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function howFar(ms: number): string {
  const hours = Math.round(ms / HOUR);
  const days = Math.round(ms / (24 * HOUR));
  return hours < 72 ? `${hours} 小时` : days < 730 ? `${days} 天` : `${Math.round(days / 365)} 年`;
}

/** Refuse when `maxHlc` (the backup's clock or newest change) is more than `allowanceMs` after `now`. */
export function refuseClockAhead(label: string, maxHlc: string | null, now: number, allowanceMs: number): void {
  if (!maxHlc) return;
  const wall = parseHlc(maxHlc).wall;
  const ahead = wall - now;
  if (ahead <= allowanceMs) return;
  throw new AppError(
    'INVALID_ARGUMENT',
    `“${label}”中记录的最晚修改时间是 ${localDateTime(wall)}，比本机当前时间（${localDateTime(now)}）晚约 ${howFar(ahead)}（允许 ${Math.round(allowanceMs / HOUR)} 小时）：这份备份或制作它的电脑的时钟有误，也可能是本机的日期不对。恢复它之后本机的每次修改都会记在这个时间之后，其他电脑将拒收本机的数据包，所以不能恢复。${UNCHANGED}请核对本机和制作备份的电脑的日期和时间，或选择其他备份。`,
  );
}
