import type { Identity } from '../core/identity';
import type { Writer } from '../core/mutation';

/** Publish this installation's public key as a replicated record so peers can verify it. */
export function registerInstallation(writer: Writer, identity: Identity, label = ''): void {
  writer.insert('installations', identity.installationId, {
    office_id: identity.officeId,
    department_id: identity.departmentId,
    public_key: identity.publicKey,
    label,
  });
}
