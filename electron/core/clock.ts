import type { Database } from 'better-sqlite3';
import { formatHlc, nextHlc, parseHlc, receiveHlc, ZERO_HLC, type Hlc } from '../../shared/domain/hlc';

const CLOCK_KEY = 'clock';

/**
 * This installation's hybrid logical clock. The last issued timestamp is persisted in the
 * same transaction as the changes that used it, so a restart never reissues a timestamp.
 */
export class HlcClock {
  private last: Hlc;
  private dirty = false;

  constructor(
    private readonly db: Database,
    private readonly node: string,
    private readonly physicalNow: () => number = Date.now,
  ) {
    const row = db.prepare('SELECT value FROM local_meta WHERE key = ?').get(CLOCK_KEY) as { value: string } | undefined;
    const stored = row ? parseHlc(row.value) : ZERO_HLC;
    this.last = { ...stored, node };
  }

  tick(): string {
    this.last = nextHlc(this.last, this.physicalNow(), this.node);
    this.dirty = true;
    return formatHlc(this.last);
  }

  /** Move past a timestamp received from another installation (already checked for skew). */
  receive(remote: string): void {
    this.last = receiveHlc(this.last, parseHlc(remote), this.physicalNow(), this.node);
    this.dirty = true;
  }

  /** Write the clock inside the caller's transaction. */
  persist(): void {
    if (!this.dirty) return;
    this.db
      .prepare('INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(CLOCK_KEY, formatHlc(this.last));
    this.dirty = false;
  }
}
