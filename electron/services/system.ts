import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import type { SystemStatus } from '../../shared/api/system';
import { AppError } from '../core/app-error';
import { createLocalIdentity, fingerprint } from '../core/identity';
import { departmentId, officeId } from '../core/ids';
import { schemaVersion } from '../db/migrate';
import { officeDepartmentNamed } from './department-origin';
import { registerInstallation } from './installation';
import { generateData } from './generator';
import { APP_VERSION } from '../core/version';
import { canonicalJson, dumpReplicated } from './dump';

export function systemStatus(core: Core): SystemStatus {
  const identity = core.identity;
  let installation: SystemStatus['installation'] = null;
  if (identity) {
    const office = core.db.prepare('SELECT name, code FROM offices WHERE id = ?').get(identity.officeId) as { name: string | null; code: string | null } | undefined;
    const department = identity.departmentId
      ? (core.db.prepare('SELECT name FROM departments WHERE id = ?').get(identity.departmentId) as { name: string | null } | undefined)
      : undefined;
    installation = {
      installationId: identity.installationId,
      officeId: identity.officeId,
      officeName: office?.name ?? '',
      officeCode: office?.code ?? null,
      departmentId: identity.departmentId,
      departmentName: department?.name ?? null,
      fingerprint: fingerprint(identity.publicKey),
    };
  }
  return {
    initialized: identity !== null,
    installation,
    schemaVersion: schemaVersion(core.db),
    appVersion: APP_VERSION,
    databasePath: core.file,
  };
}

export const systemHandlers: HandlerMap<'system.status' | 'system.init' | 'system.generate' | 'system.dump'> = {
  'system.status': ({ core }) => systemStatus(core),

  'system.init': ({ core }, args) => {
    if (core.identity) throw new AppError('ALREADY_INITIALIZED');
    const office = officeId(args.officeCode || args.officeName);
    const departmentName = args.departmentName || null;
    // A name that is already a department or an alias of one binds to it (疾控科 → 疾病预防控制科).
    const existing = departmentName ? officeDepartmentNamed(core, office, [departmentName], null) : null;
    const department = existing?.id ?? (departmentName ? departmentId(office, departmentName) : null);
    try {
      core.db.transaction(() => {
        createLocalIdentity(core.db, office, department);
        if (args.pcRole) core.setLocalSetting('role', args.pcRole === 'office' ? 'reviewer' : 'clerk');
        core.reloadIdentity();
        core.mutations.run((writer) => {
          if (department && departmentName) {
            // A department PC names its office (and keeps the code typed, from which the office id
            // derives) and its department, and leaves the rest to the office's records (they
            // arrive with the first 下发). Its department record stays on this PC until the
            // office's list replaces it (services/department-binding.ts).
            writer.insert('offices', office, { name: args.officeName, ...(args.officeCode ? { code: args.officeCode } : {}) });
            if (!existing) writer.insert('departments', department, { office_id: office, name: departmentName });
          } else {
            writer.insert('offices', office, { name: args.officeName, code: args.officeCode || null, level: 'district', parent_id: null });
          }
          registerInstallation(writer, core.requireIdentity(), departmentName ?? args.officeName);
        });
      })();
    } finally {
      // Rolled back or not, the cached identity must match what the database now holds.
      core.reloadIdentity();
    }
    return systemStatus(core);
  },

  'system.generate': (ctx, args) => generateData(ctx.core, args, ctx.progress),

  'system.dump': ({ core }) => canonicalJson(dumpReplicated(core), 2),
};
