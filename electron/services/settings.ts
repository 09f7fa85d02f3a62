import type { OfficeSettings } from '../../shared/api/settings';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { officeStatusSettings, writeStatusSettings } from './status-settings';

function readSettings(core: Core): OfficeSettings {
  const identity = core.requireIdentity();
  const office = core.db.prepare('SELECT name, code FROM offices WHERE id = ?').get(identity.officeId) as { name: string | null; code: string | null } | undefined;
  const role = core.localSetting('role');
  return {
    officeName: office?.name ?? '',
    officeCode: office?.code ?? null,
    clerkName: core.localSetting('clerk_name') ?? '',
    role: role === 'reviewer' ? 'reviewer' : 'clerk',
    statusSettings: (({ closeTolerance, paceTolerance, dueSoonDays, reportGraceDays }) => ({ closeTolerance, paceTolerance, dueSoonDays, reportGraceDays }))(officeStatusSettings(core)),
  };
}

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': ({ core }) => readSettings(core),

  'settings.update': ({ core }, args) => {
    const identity = core.requireIdentity();
    core.db.transaction(() => {
      // Local first: a new clerk name already stamps the office change made in this call.
      if (args.clerkName !== undefined) core.setLocalSetting('clerk_name', args.clerkName);
      if (args.role !== undefined) core.setLocalSetting('role', args.role);
      const office: Record<string, unknown> = {};
      if (args.officeName !== undefined) office.name = args.officeName;
      if (args.officeCode !== undefined) office.code = args.officeCode || null;
      core.mutations.run((writer) => {
        if (Object.keys(office).length > 0) writer.update('offices', identity.officeId, office);
        if (args.statusSettings) writeStatusSettings(core, writer, args.statusSettings);
      });
    })();
    return readSettings(core);
  },
};
