import type { Database } from 'better-sqlite3';
import type { LedgerEvent } from '../../shared/api';
import type { ReplicatedTable } from '../../shared/schema/tables';
import { openDatabase, type OpenOptions } from '../db/open';
import { AppError } from './app-error';
import { HlcClock } from './clock';
import { checkFileIdentity, readIdentity, type Identity } from './identity';
import { MutationLayer, type Author } from './mutation';
import { registerInstallation } from '../services/installation';
import { SearchIndex } from '../search/search-index';
import { EntryClock } from './entry-clock';
import { ConflictQueue } from '../sync/conflicts';

export interface CoreOptions extends OpenOptions {
  readonly emit?: (event: LedgerEvent) => void;
  readonly now?: () => number;
}

/** The open database with its identity, clock and mutation layer: what every service works on. */
export class Core {
  private identityCache: Identity | null;
  private clockCache: HlcClock | null = null;
  private mutationCache: MutationLayer | null = null;
  private searchCache: SearchIndex | null = null;
  private entryClockCache: EntryClock | null = null;

  private constructor(
    private database: Database,
    readonly file: string,
    private readonly options: CoreOptions,
  ) {
    this.identityCache = readIdentity(database);
  }

  static open(file: string, options: CoreOptions = {}): Core {
    const core = new Core(openDatabase(file, options), file, options);
    core.adoptFile();
    return core;
  }

  /** The open connection; a restore replaces it (see replaceFile), so never keep it beyond a call. */
  get db(): Database {
    return this.database;
  }

  private adoptFile(): void {
    if (checkFileIdentity(this.database, this.file)) {
      // A copied or restored file: the fresh installation must be known to peers.
      this.reloadIdentity();
      this.mutations.run((writer) => registerInstallation(writer, this.requireIdentity()));
    }
  }

  /**
   * For a restore: close the connection, let `swap` put another database file in place, and open
   * the file again with fresh caches. If `swap` fails the old file is opened again.
   */
  replaceFile(swap: () => void): void {
    if (this.file === ':memory:' || this.file === '') throw new AppError('UNAVAILABLE', '内存中的数据库（测试用）不能恢复');
    this.close();
    try {
      swap();
    } finally {
      this.database = openDatabase(this.file, this.options);
      this.identityCache = readIdentity(this.database);
      this.clockCache = null;
      this.mutationCache = null;
      this.searchCache = null;
      this.entryClockCache = null;
      this.adoptFile();
    }
  }

  get identity(): Identity | null {
    return this.identityCache;
  }

  requireIdentity(): Identity {
    if (!this.identityCache) throw new AppError('NOT_INITIALIZED');
    return this.identityCache;
  }

  /** Call after the local identity changed (init, restore, copy). */
  reloadIdentity(): void {
    this.identityCache = readIdentity(this.db);
    this.clockCache = null;
    this.mutationCache = null;
  }

  get mutations(): MutationLayer {
    if (!this.mutationCache) {
      const identity = this.requireIdentity();
      this.clockCache = new HlcClock(this.db, identity.installationId, this.options.now);
      this.mutationCache = new MutationLayer(
        this.db,
        this.clockCache,
        () => this.author(),
        (tables) => this.tablesChanged(tables),
        (touched) => {
          this.updateDerived(touched);
          // A local write supersedes the heads it saw, so it may settle a queued conflict.
          new ConflictQueue(this.db).refreshIfQueued(touched, new Date(this.now()).toISOString());
        },
      );
    }
    return this.mutationCache;
  }

  /** This installation's clock, stored in the database and shared by every process on it (sync moves it past what it receives). */
  get clock(): HlcClock {
    void this.mutations;
    return this.clockCache!;
  }

  /** Bring the derived local tables (search, entry clock) in step with rows a transaction wrote. */
  updateDerived(touched: ReadonlyMap<string, ReadonlySet<string>>): void {
    this.search.update(touched);
    (this.entryClockCache ??= new EntryClock(this.db)).update(touched);
  }

  /** The ledger's full-text index, kept in step by every write of the mutation layer. */
  get search(): SearchIndex {
    return (this.searchCache ??= new SearchIndex(this.db));
  }

  author(): Author {
    const identity = this.requireIdentity();
    return { officeId: identity.officeId, installationId: identity.installationId, actor: this.localSetting('clerk_name') ?? '' };
  }

  /** Milliseconds since the epoch from the injectable clock (tests fix "today" with options.now). */
  now(): number {
    return (this.options.now ?? Date.now)();
  }

  localSetting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM local_settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setLocalSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO local_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  emit(event: LedgerEvent): void {
    this.options.emit?.(event);
  }

  private tablesChanged(tables: ReplicatedTable[]): void {
    this.emit({ type: 'changed', tables });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
