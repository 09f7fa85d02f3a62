import { pathToFileURL } from 'node:url';
import type { IpcMain, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, contract, EVENT_CHANNEL, INVOKE_CHANNEL, type ApiResult, type CallName, type LedgerEvent } from '../../shared/api';
import { replicatedTableNames } from '../../shared/schema/tables';
import { createInvokeHandler, forwardEvents, registerIpc, type CoreLink } from '../../electron/main/ipc';
import type { AppLocation } from '../../electron/main/location';
import { FakeWebContents } from './fake-electron';

const location: AppLocation = { indexFile: '/app/out/renderer/index.html', devServer: null };
const fromApp = { senderFrame: { url: pathToFileURL(location.indexFile).href, parent: null } } as never;
const id = '3f365e7e-635c-4c6e-8d36-470716cfce50';

const draft = {
  title: '2025年全区卫生健康工作要点',
  kind: 'work-points',
  docNumber: null,
  issuer: null,
  issuedOn: null,
  yearFrom: 2025,
  yearTo: 2025,
  sections: [{ key: 's1', label: '一、', title: '公共卫生', parentKey: null }],
  tasks: [{ key: 't1', number: '1', sectionKey: 's1', title: '抓好传染病防控', text: '', leadDepartments: ['疾控科'], responsibleUnits: [], group: null, deadline: null }],
  targets: [],
};
const source = { fileName: '要点.docx', format: 'docx', sha256: 'a'.repeat(64), contentHash: 'b'.repeat(64), size: 1000, encoding: null };

/** One valid argument per call; a new call without one fails the test below. */
const validArgs: Partial<Record<CallName, unknown>> = {
  'imports.cancelParse': {},
  'imports.parse': { fileName: '要点.txt', contentBase64: Buffer.from('一、总体').toString('base64') },
  'imports.diff': { planId: id, draft, source },
  'imports.save': { draft, source, owners: [{ name: '疾控科', action: 'create' }] },
  'imports.saveReviewDraft': { source, preview: null, state: { draft: { ...draft, progress: [] }, draftVersion: 1, ownerChoices: { 疾控科: { action: 'create' } }, mode: 'new', changes: null, accepted: [], keyRedirects: {} } },
  'imports.reviewDrafts': {},
  'imports.openReviewDraft': { id: 'a'.repeat(64) },
  'imports.discardReviewDraft': { id: 'a'.repeat(64) },
  'system.status': {},
  'system.init': { officeName: '某区卫生健康委员会', departmentName: '规划发展科' },
  'system.generate': { offices: 2, years: 1 },
  'system.dump': undefined, // no argument at all means {}
  'settings.get': {},
  'settings.update': { clerkName: '张三', role: 'reviewer' },
  'departments.list': {},
  'departments.create': { name: '医政科', aliases: ['医政医管科'] },
  'departments.update': { id, name: '医政医管科' },
  'departments.delete': { id },
  'departments.all': {},
  'progress.reasonDraft': { entryId: id, kind: 'return', text: '请补充数据' },
  'departments.rename': { id, name: '医政医管科' },
  'departments.merge': { fromId: id, intoId: id },
  'departments.bind': { id },
  'units.list': {},
  'units.create': { name: '区人民医院' },
  'units.update': { id, aliases: [] },
  'units.delete': { id },
  'history.record': { table: replicatedTableNames[0], id },
  'plans.list': {},
  'plans.get': { id },
  'plans.create': { kind: 'work-points', title: '2025年卫生健康工作要点', yearFrom: 2025, yearTo: 2025 },
  'plans.update': { id, title: '2025年卫生健康工作要点（修订）' },
  'plans.delete': { id },
  'sections.create': { planId: id, title: '一、深化医药卫生体制改革' },
  'sections.update': { id, label: '二' },
  'sections.delete': { id },
  'tasks.create': { planId: id, title: '推进紧密型医联体建设', responsibleUnits: ['区人民医院'] },
  'tasks.update': { id, deadline: '2025年12月底' },
  'tasks.delete': { id },
  'progress.sheet': { period: '2025-Q1', departmentId: id },
  'progress.saveDraft': { taskId: id, departmentId: id, period: '2025-Q1', fields: { progressText: '正在填写' } },
  'progress.save': { taskId: id, departmentId: id, period: '2025-Q1', fields: { status: '推进中', percent: 30, progressText: '已开展', problemsText: '', nextStepsText: '' }, submit: true },
  'progress.carryForward': { departmentId: id, period: '2025-Q2' },
  'progress.review': { id, decision: 'return', comment: '请补充数据' },
  'progress.unlock': { id, reason: '数据口径调整' },
  'progress.overview': { period: '2025-Q1' },
  'progress.taskDetail': { taskId: id },
  'progress.status': { period: '2025-Q1' },
  'indicators.list': {},
  'indicators.setValue': { indicatorId: id, period: '2025-Q1', value: 3.4 },
  'indicators.update': { id, valueKind: 'rate', pace: [0.25, 0.5, 0.75, 1] },
  'attachments.add': { taskId: id, departmentId: id, period: '2025-Q1', fileName: '纪要.pdf', contentBase64: Buffer.from('%PDF-1.7').toString('base64') },
  'attachments.read': { id },
  'attachments.remove': { id },
  'plans.carryOver': { fromPlanId: id, taskIds: [id] },
  'ledger.query': { period: '2025-Q2', departmentIds: [id], search: '疾控' },
  'dashboard.summary': { period: '2025-Q2', lights: ['red', 'yellow'] },
  'dashboard.indicators': { period: '2025-Q2', planIds: [id] },
  'dashboard.midterm': { planId: id },
  'dashboard.compare': { period: '2025-Q2' },
  'catalog.list': {},
  'catalog.createMetric': { name: '居民健康素养水平', unit: '%', indicatorIds: [id] },
  'catalog.fromIndicators': {},
  'catalog.updateMetric': { id, aliases: ['全区居民健康素养水平'] },
  'catalog.deleteMetric': { id },
  'catalog.decide': { indicatorId: id, metricId: id, same: true },
  'sync.export': { kind: 'assignment', departmentId: id, period: '2025-Q1', splitMb: 10 },
  'sync.verify': { files: [{ fileName: '下发.tlpkg', contentBase64: 'AAAA' }] },
  'sync.preview': { files: [{ fileName: '下发.tlpkg', contentBase64: 'AAAA' }] },
  'sync.import': { files: [{ fileName: '下发.tlpkg', contentBase64: 'AAAA' }], trustFingerprint: 'ABCD-EFGH' },
  'sync.conflicts': {},
  'sync.resolve': { table: 'tasks', rowId: id, column: 'title', keepHlc: null, value: '新标题' },
  'sync.history': {},
  'sync.peers': {},
  'sync.exportSheet': { departmentId: id, period: '2025-Q1' },
  'sync.previewSheet': { fileName: '填报表.xlsx', contentBase64: 'AAAA' },
  'sync.importSheet': { fileName: '填报表.xlsx', contentBase64: 'AAAA', senderConfirmed: true },
  'report.model': { kind: 'ledger', scope: { period: '2025-Q1' } },
  'report.build': { kind: 'ledger', format: 'xlsx', scope: { period: '2025-Q1', departmentIds: [id] } },
  'report.pdf': { kind: 'summary', scope: { period: '2025-Q1' } },
  'report.reveal': { path: '/data/reports/台账.xlsx' },
  'report.savePdf': { kind: 'ledger', scope: { period: '2025-Q1' }, contentBase64: 'JVBERi0xLjc=' },
  'report.templates.list': {},
  'report.templates.inspect': { file: { fileName: '表样.xlsx', contentBase64: 'AAAA' } },
  'report.templates.save': { recipient: '市卫生健康委', file: { fileName: '表样.xlsx', contentBase64: 'AAAA' }, sheetName: 'Sheet1', headerRow: 3, mapping: [{ column: 1, field: 'number' }] },
  'report.templates.delete': { id },
  'report.fill': { templateId: id, scope: { period: '2025-Q1' } },
  'backup.list': {},
  'backup.create': {},
  'backup.export': { id: '20250420-120000-000-manual', out: '/media/u盘' },
  'backup.restore': { id: '20250420-120000-000-manual' },
  'backup.restoreFile': { file: '/media/u盘/备份.tlbak' },
  'backup.remove': { id: '20250420-120000-000-daily' },
  'backup.setKeep': { keep: 10 },
  'diagnostics.export': {},
};

/** Calls only the desktop shell makes of the core (it hands the core the PDF it printed). */
const shellOnly: CallName[] = callNames.filter((name) => contract[name].shellOnly);

function fakeClient() {
  const listeners = new Set<(event: LedgerEvent) => void>();
  const client = {
    call: vi.fn(async (name: unknown): Promise<ApiResult<unknown>> => ({ ok: true, value: `handled ${String(name)}` })),
    onEvent: vi.fn((listener: (event: LedgerEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    emit: (event: LedgerEvent) => listeners.forEach((listener) => listener(event)),
  };
  return client satisfies CoreLink;
}

let client: ReturnType<typeof fakeClient>;
let handle: ReturnType<typeof createInvokeHandler>;
beforeEach(() => {
  client = fakeClient();
  handle = createInvokeHandler(client, location);
});

describe('registration', () => {
  it('registers exactly one invoke channel', () => {
    const handles: string[] = [];
    registerIpc({ handle: (channel: string) => handles.push(channel) } as unknown as IpcMain, client, location);
    expect(handles).toEqual([INVOKE_CHANNEL]);
  });
});

describe('allow-list', () => {
  it('accepts every call of the contract (valid argument → forwarded to the core)', async () => {
    for (const name of callNames.filter((call) => call in validArgs && !shellOnly.includes(call))) {
      client.call.mockClear();
      const result = await handle(fromApp, name, validArgs[name]);
      expect(result, name).toEqual({ ok: true, value: `handled ${name}` });
      expect(client.call).toHaveBeenCalledTimes(1);
      expect(client.call).toHaveBeenCalledWith(name, validArgs[name] ?? {});
    }
  });

  it('refuses, from the page, the calls only the shell makes', async () => {
    for (const name of shellOnly) {
      const result = await handle(fromApp, name, validArgs[name]);
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '已拒绝：该操作只能由桌面程序自身调用' } });
    }
    expect(client.call).not.toHaveBeenCalled();
  });

  it('has a valid example argument for every call', () => {
    expect(callNames.filter((call) => !(call in validArgs))).toEqual([]);
  });

  it('refuses names outside the contract', async () => {
    for (const name of ['system.exec', 'constructor', '__proto__', 'toString', '', 42, null, { name: 'plans.list' }]) {
      const result = await handle(fromApp, name, {});
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('UNKNOWN_CALL');
        expect(result.error.message).toMatch(/^未知的操作/);
      }
    }
    expect(client.call).not.toHaveBeenCalled();
  });
});

describe('argument validation', () => {
  const malformed: unknown[] = [42, 'plans', [1, 2], true, { bogus: 1 }];
  for (const name of callNames) {
    it(`rejects malformed arguments for ${name} before they reach the core`, async () => {
      for (const args of malformed) {
        const result = await handle(fromApp, name, args);
        expect(result.ok, `${name} ${JSON.stringify(args)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('INVALID_ARGUMENT');
          expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
          expect(result.error.fields).toBeDefined();
        }
      }
      expect(client.call).not.toHaveBeenCalled();
    });
  }

  it('returns per-field Chinese messages for forms', async () => {
    const result = await handle(fromApp, 'system.init', { officeName: '   ' });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '单位名称不能为空', fields: { officeName: '单位名称不能为空' } } });
  });
});

describe('sender check', () => {
  const senders: [string, unknown][] = [
    ['a remote page', { senderFrame: { url: 'https://example.com/', parent: null } }],
    ['another local file', { senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
    ['a subframe of the app page', { senderFrame: { url: pathToFileURL(location.indexFile).href, parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
  ];
  for (const [label, event] of senders) {
    it(`refuses a call from ${label}`, async () => {
      const result = await handle(event as never, 'system.status', {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toEqual({ code: 'FORBIDDEN', message: '已拒绝：请求不是来自本程序的页面' });
      expect(client.call).not.toHaveBeenCalled();
    });
  }
});

describe('failures', () => {
  it('never throws across IPC: a failing core becomes an INTERNAL error result', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    client.call.mockRejectedValueOnce(new Error('worker crashed'));
    await expect(handle(fromApp, 'system.status', {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '程序内部错误，本次操作未保存' },
    });
  });

  it('passes the core result through unchanged, errors included', async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: '要操作的记录不存在或已删除' } } as const;
    client.call.mockResolvedValueOnce(notFound);
    expect(await handle(fromApp, 'plans.get', { id })).toBe(notFound);
  });
});

describe('events', () => {
  it('forwards core events to the open window on the event channel', () => {
    const contents = new FakeWebContents();
    let target: FakeWebContents | null = null;
    forwardEvents(client, () => target as unknown as WebContents | null);
    const changed: LedgerEvent = { type: 'changed', tables: ['plans'] };
    client.emit(changed); // no window yet: dropped
    target = contents;
    client.emit(changed);
    contents.destroyed = true;
    client.emit({ type: 'changed', tables: ['tasks'] });
    expect(contents.sent).toEqual([{ channel: EVENT_CHANNEL, payload: changed }]);
  });

  it('stops forwarding when unsubscribed', () => {
    const contents = new FakeWebContents();
    const stop = forwardEvents(client, () => contents as unknown as WebContents);
    stop();
    client.emit({ type: 'changed', tables: ['plans'] });
    expect(contents.sent).toEqual([]);
  });
});
