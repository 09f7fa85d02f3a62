import { z } from 'zod';

/*
 * The manifest of a sync package (see electron/sync): what it is, who made it, for whom, and
 * the SHA-256 of every entry. Pure so the UI can show a preview's header and tests can build one.
 */

export const PACKAGE_FORMAT = 'target-ledger-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_EXTENSION = '.tlpkg';

export const packageKinds = ['assignment', 'return', 'full', 'receipt'] as const;
export type PackageKind = (typeof packageKinds)[number];

export const packageKindLabels: Record<PackageKind, string> = {
  assignment: '下发',
  return: '上报',
  full: '全量',
  receipt: '回执',
};

const id = z.uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.number().int().positive(),
    schemaVersion: z.number().int().nonnegative(),
    packageId: id,
    kind: z.enum(packageKinds),
    origin: z
      .object({
        installationId: id,
        officeId: id,
        officeName: z.string().max(200),
        departmentId: id.nullable(),
        departmentName: z.string().max(200).nullable(),
        /** SPKI PEM; must be the key that signed the file. */
        publicKey: z.string().max(1000),
      })
      .strict(),
    recipient: z
      .object({ officeId: id.nullable(), departmentId: id.nullable(), installationId: id.nullable() })
      .strict()
      .nullable(),
    createdAt: z.string().max(40),
    period: z
      .string()
      .regex(/^\d{4}-Q[1-4]$/)
      .nullable(),
    hlcRange: z.object({ from: z.string().max(200), to: z.string().max(200) }).strict().nullable(),
    counts: z.object({ changes: z.number().int().nonnegative(), attachments: z.number().int().nonnegative() }).strict(),
    /** A receipt names the package it acknowledges. */
    receiptFor: id.nullable(),
    entries: z.array(z.object({ name: z.string().min(1).max(200), size: z.number().int().nonnegative(), sha256 }).strict()).max(100_000),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

/** Entry names inside a package. */
export const MANIFEST_ENTRY = 'manifest.json';
export const CHANGES_ENTRY = 'changes.json';
export const RECEIPT_ENTRY = 'receipt.json';
export const attachmentEntry = (sha: string) => `attachments/${sha}`;
