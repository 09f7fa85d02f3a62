import type { Database, Statement } from 'better-sqlite3';
import { formatHlc, nextHlc, parseHlc, receiveHlc, ZERO_HLC, type Hlc } from '../../shared/domain/hlc';

const CLOCK_KEY = 'clock';

/**
 * This installation's hybrid logical clock, kept in the database (local_meta 'clock'), not in
 * memory: the desktop app, the browser host and the CLI may have one database open at once, and
 * each must issue timestamps after every other's. So within each write transaction (which holds
 * the database's write lock) the first tick or receive reads the stored clock, the transaction
 * issues its timestamps after max(stored, remembered, wall time), and persist() stores the last
 * one before the commit. One small read and one write per transaction, not per change.
 */
export class HlcClock {
  private last: Hlc;
  private dirty = false;
  /** The stored clock is already read in the running transaction. */
  private synced = false;
  private readonly readStored: Statement<[string], string | undefined>;
  private readonly writeStored: Statement<[string, string]>;

  constructor(
    private readonly db: Database,
    private readonly node: string,
    private readonly physicalNow: () => number = Date.now,
  ) {
    this.last = { ...ZERO_HLC, node };
    this.readStored = db.prepare<[string], string | undefined>('SELECT value FROM local_meta WHERE key = ?').pluck();
    this.writeStored = db.prepare<[string, string]>(
      'INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  /** A write transaction starts: another process may have advanced the stored clock since the last one. */
  begin(): void {
    this.synced = false;
  }

  tick(): string {
    if (!this.synced) this.sync();
    this.last = nextHlc(this.last, this.physicalNow(), this.node);
    this.dirty = true;
    return formatHlc(this.last);
  }

  /** Move past a timestamp received from another installation (already checked for skew); persist() in the same transaction. */
  receive(remote: string): void {
    // Always read: a merge does not call begin(), and this is once per package.
    this.sync();
    this.last = receiveHlc(this.last, parseHlc(remote), this.physicalNow(), this.node);
    this.dirty = true;
  }

  /** Write the clock inside the caller's transaction (before its commit). */
  persist(): void {
    if (!this.dirty) return;
    this.writeStored.run(CLOCK_KEY, formatHlc(this.last));
    this.dirty = false;
    this.synced = false;
  }

  /**
   * Catch up with the stored clock. Only inside a transaction that already wrote (so it holds the
   * write lock and sees every commit): no other process can issue a timestamp until it ends.
   */
  private sync(): void {
    if (!this.db.inTransaction) throw new Error('The clock is read and advanced only inside a write transaction');
    const value = this.readStored.get(CLOCK_KEY);
    if (value !== undefined) {
      const stored = parseHlc(value);
      if (stored.wall > this.last.wall || (stored.wall === this.last.wall && stored.counter > this.last.counter)) {
        this.last = { wall: stored.wall, counter: stored.counter, node: this.node };
      }
    }
    this.synced = true;
  }
}
