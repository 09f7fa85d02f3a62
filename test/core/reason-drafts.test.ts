import { describe, expect, it } from 'vitest';
import { changeCount, fields, quarterFixture } from './progress-fixture';

describe('a 退回意见 being typed', () => {
  it('is kept in this PC’s drafts outside the change log, read back, and cleared', async () => {
    const f = await quarterFixture();
    const entry = await f.t.call('progress.save', { period: '2025-Q2', taskId: f.literacy.id, departmentId: f.cdc.id, fields: fields(), submit: true });
    await f.t.call('settings.update', { role: 'reviewer' });
    const before = changeCount(f.t);
    await f.t.call('progress.reasonDraft', { entryId: entry.id, kind: 'return', text: '请补充接种人数' });
    expect(changeCount(f.t)).toBe(before);
    expect(await f.t.call('progress.reasonDraft', { entryId: entry.id, kind: 'return' })).toMatchObject({ text: '请补充接种人数' });
    expect(await f.t.call('progress.reasonDraft', { entryId: entry.id, kind: 'unlock' })).toBeNull();
    await f.t.call('progress.reasonDraft', { entryId: entry.id, kind: 'return', clear: true });
    expect(await f.t.call('progress.reasonDraft', { entryId: entry.id, kind: 'return' })).toBeNull();
    f.t.close();
  });
});
