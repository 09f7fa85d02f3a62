import type { ApiError, ApiResult, CallArgs, CallName, CallResult } from '../../../shared/api';
import type { ConflictItem, ImportPreview } from '../../../shared/api/sync';
import { coalesce } from './coalesce';
import type { Outcome, Slice } from './types';

export type ExchangeTab = 'export' | 'import' | 'sheet' | 'conflicts' | 'records';

export type PackageFile = CallArgs<'sync.preview'>['files'][number];
export type SheetPreview = CallResult<'sync.previewSheet'>;
export type ExchangeRecord = CallResult<'sync.history'>[number];
export type TrustedPeer = CallResult<'sync.peers'>[number];

/** The package being imported: its files, the preview, then the result once imported. */
export interface PackageImport {
  readonly files: readonly PackageFile[];
  readonly preview: ImportPreview | null;
  /** A refusal from the core (bad signature, newer version…), shown in the import panel itself. */
  readonly error: string | null;
  readonly busy: boolean;
  readonly result: CallResult<'sync.import'> | null;
}

/** A filled Excel sheet being checked before import. */
export interface SheetImport {
  readonly file: PackageFile;
  readonly preview: SheetPreview | null;
  readonly error: string | null;
  readonly busy: boolean;
  readonly result: CallResult<'sync.importSheet'> | null;
}

export interface ExchangeSlice {
  readonly exchangeTab: ExchangeTab;
  readonly packageImport: PackageImport | null;
  readonly sheetImport: SheetImport | null;
  readonly conflicts: readonly ConflictItem[] | null;
  readonly exchangeRecords: readonly ExchangeRecord[] | null;
  readonly trustedPeers: readonly TrustedPeer[] | null;
  setExchangeTab(tab: ExchangeTab): void;
  exportPackage(args: CallArgs<'sync.export'>): Promise<Outcome<CallResult<'sync.export'>>>;
  /** Verify the picked files and show what importing them would change; nothing is written. */
  previewPackage(files: readonly PackageFile[]): Promise<void>;
  /** Import the previewed files; `trustFingerprint` when the clerk confirmed a new sender. */
  importPackage(trustFingerprint: string | null): Promise<void>;
  clearPackageImport(): void;
  /** Package files the desktop shell opened (double-clicked): show 数据交换 → 导入数据包 with their preview. */
  openPackageFiles(files: readonly PackageFile[]): Promise<void>;
  exportSheet(args: CallArgs<'sync.exportSheet'>): Promise<Outcome<CallResult<'sync.exportSheet'>>>;
  previewSheet(file: PackageFile): Promise<void>;
  importSheet(): Promise<void>;
  clearSheetImport(): void;
  loadConflicts(): Promise<void>;
  resolveConflict(args: CallArgs<'sync.resolve'>): Promise<Outcome<null>>;
  loadExchangeRecords(): Promise<void>;
}

export const createExchangeSlice: Slice<ExchangeSlice> = ({ set, get, api, call }) => {
  /** Not through `call`: the import panels show a refusal in place, where the clerk is looking. */
  const quiet = async <N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> => {
    try {
      return await api.invoke(name, args);
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: '无法连接到数据服务，请稍后重试' } as ApiError };
    }
  };
  const loadConflicts = coalesce(async () => {
    const outcome = await call('sync.conflicts', {});
    if (outcome.ok) set({ conflicts: outcome.value });
  });
  const loadExchangeRecords = coalesce(async () => {
    const [records, peers] = await Promise.all([call('sync.history', {}), call('sync.peers', {})]);
    set({ ...(records.ok ? { exchangeRecords: records.value } : {}), ...(peers.ok ? { trustedPeers: peers.value } : {}) });
  });
  const afterWrite = () => Promise.all([loadConflicts(), loadExchangeRecords()]);
  const patchPackage = (patch: Partial<PackageImport>) => {
    const current = get().packageImport;
    if (current) set({ packageImport: { ...current, ...patch } });
  };
  const patchSheet = (patch: Partial<SheetImport>) => {
    const current = get().sheetImport;
    if (current) set({ sheetImport: { ...current, ...patch } });
  };
  return {
    exchangeTab: 'export',
    packageImport: null,
    sheetImport: null,
    conflicts: null,
    exchangeRecords: null,
    trustedPeers: null,
    setExchangeTab: (exchangeTab) => set({ exchangeTab }),
    exportPackage: async (args) => {
      const outcome = await call('sync.export', args, { fields: ['departmentId', 'period', 'splitMb', 'forPackageId'] });
      if (outcome.ok) void loadExchangeRecords();
      return outcome;
    },
    previewPackage: async (files) => {
      set({ packageImport: { files, preview: null, error: null, busy: true, result: null } });
      const result = await quiet('sync.preview', { files: [...files] });
      if (get().packageImport?.files !== files) return;
      patchPackage(result.ok ? { preview: result.value, busy: false } : { error: result.error.message, busy: false });
    },
    importPackage: async (trustFingerprint) => {
      const current = get().packageImport;
      if (!current?.preview || current.busy) return;
      patchPackage({ busy: true, error: null });
      const result = await quiet('sync.import', { files: [...current.files], trustFingerprint });
      patchPackage(result.ok ? { result: result.value, busy: false } : { error: result.error.message, busy: false });
      if (result.ok) {
        await afterWrite();
        // A package for a quarter (a 下发 for 2025-Q1) is what the clerk works on next: the pages follow it.
        const period = result.value.preview.period;
        if (period) {
          get().setViewFilter({ period });
          await get().chooseQuarter(period);
        }
      }
    },
    clearPackageImport: () => set({ packageImport: null }),
    openPackageFiles: async (files) => {
      const state = get();
      if (files.length === 0) return;
      if (state.status && !state.status.initialized) {
        state.pushToast('error', '请先完成初始设置，再打开数据包');
        return;
      }
      // An import being written must finish under the clerk's eyes; the new files would hide it.
      if (state.packageImport?.busy && state.packageImport.preview) {
        state.pushToast('error', '正在导入另一个数据包，请等导入完成后再打开新的数据包');
        return;
      }
      state.goTo('exchange');
      state.setExchangeTab('import');
      await get().previewPackage([...files].sort((a, b) => a.fileName.localeCompare(b.fileName, 'zh-CN', { numeric: true })));
    },
    exportSheet: (args) => call('sync.exportSheet', args),
    previewSheet: async (file) => {
      set({ sheetImport: { file, preview: null, error: null, busy: true, result: null } });
      const result = await quiet('sync.previewSheet', file);
      if (get().sheetImport?.file !== file) return;
      patchSheet(result.ok ? { preview: result.value, busy: false } : { error: result.error.message, busy: false });
    },
    importSheet: async () => {
      const current = get().sheetImport;
      if (!current?.preview || current.busy) return;
      patchSheet({ busy: true, error: null });
      const result = await quiet('sync.importSheet', { ...current.file, senderConfirmed: true });
      patchSheet(result.ok ? { result: result.value, busy: false } : { error: result.error.message, busy: false });
      if (result.ok) await afterWrite();
    },
    clearSheetImport: () => set({ sheetImport: null }),
    loadConflicts,
    resolveConflict: async (args) => {
      const outcome = await call('sync.resolve', args, { success: '已处理，处理结果将随下一个数据包同步给对方' });
      if (outcome.ok) await loadConflicts();
      return outcome;
    },
    loadExchangeRecords,
  };
};
