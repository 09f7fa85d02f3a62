import { defaultStatusSettings, type StatusSettings } from '../../shared/domain/lights';
import type { StatusSettingsValue } from '../../shared/api/settings';
import type { Core } from '../core/core';
import type { Writer } from '../core/mutation';
import { settingId } from '../core/ids';

const KEY = 'status';

/** The office's light settings (replicated, so every PC of the office judges alike), over the defaults. */
export function officeStatusSettings(core: Core): StatusSettings {
  const { officeId } = core.requireIdentity();
  const row = core.db.prepare('SELECT value FROM settings WHERE id = ? AND deleted = 0').get(settingId(officeId, KEY)) as { value: string | null } | undefined;
  const stored = row?.value ? (JSON.parse(row.value) as Partial<StatusSettingsValue>) : {};
  return { ...defaultStatusSettings, ...stored };
}

export function writeStatusSettings(core: Core, writer: Writer, change: Partial<StatusSettingsValue>): void {
  const { officeId } = core.requireIdentity();
  const current = officeStatusSettings(core);
  const value = {
    closeTolerance: change.closeTolerance ?? current.closeTolerance,
    paceTolerance: change.paceTolerance ?? current.paceTolerance,
    dueSoonDays: change.dueSoonDays ?? current.dueSoonDays,
    reportGraceDays: change.reportGraceDays ?? current.reportGraceDays,
  };
  writer.insert('settings', settingId(officeId, KEY), { office_id: officeId, key: KEY, value });
}
