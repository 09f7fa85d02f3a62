import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api/backup';
import { isSha256 } from '../../shared/domain/content-hash';
import { installationOf } from '../core/identity';
import { schemaVersion } from '../db/migrate';

/** What a ledger database holds, as far as a backup's manifest and a restore need to know. */
export interface DatabaseFacts {
  readonly schemaVersion: number;
  readonly installationId: string;
  readonly officeId: string;
  readonly officeName: string;
  readonly counts: BackupInfo['counts'];
  /** Every attachment file a row points at, deleted rows included (history may show them). */
  readonly attachmentHashes: readonly string[];
  /** The largest clock value the database has seen: its own clock and every change it holds. */
  readonly maxHlc: string | null;
}

const count = (db: Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

export function readFacts(db: Database): DatabaseFacts {
  const identity = installationOf(db);
  const clock = db.prepare("SELECT value FROM local_meta WHERE key = 'clock'").pluck().get() as string | undefined;
  return { ...contentFacts(db, identity?.officeId ?? '', clock ?? null), installationId: identity?.installationId ?? '', officeId: identity?.officeId ?? '' };
}

/** The facts that follow from the rows alone, for the office `officeId` and the stored clock `clock`. */
export function contentFacts(db: Database, officeId: string, clock: string | null): Omit<DatabaseFacts, 'installationId' | 'officeId'> {
  const office = db.prepare('SELECT name FROM offices WHERE id = ?').get(officeId) as { name: string | null } | undefined;
  const hashes = (db.prepare("SELECT DISTINCT sha256 FROM attachments WHERE sha256 IS NOT NULL AND sha256 <> '' ORDER BY sha256").pluck().all() as unknown[]).filter(isSha256);
  const newestChange = db.prepare('SELECT MAX(hlc) FROM change_log').pluck().get() as string | null;
  const maxHlc = [clock, newestChange].filter((v): v is string => !!v).sort().at(-1) ?? null;
  return {
    schemaVersion: schemaVersion(db),
    officeName: office?.name ?? '',
    counts: {
      plans: count(db, 'SELECT COUNT(*) AS n FROM plans WHERE deleted = 0'),
      tasks: count(db, 'SELECT COUNT(*) AS n FROM tasks WHERE deleted = 0'),
      progressReports: count(db, 'SELECT COUNT(*) AS n FROM progress_reports WHERE deleted = 0'),
      attachments: hashes.length,
    },
    attachmentHashes: hashes,
    maxHlc,
  };
}
