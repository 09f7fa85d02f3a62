import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPackage, signZip, unsignedZip, writePackage, zipEntries, type ReadPackage } from '../../electron/sync/container';
import type { PackageStage } from '../../electron/sync/sync-error';
import { TRAILER_BYTES } from '../../electron/sync/trailer';
import { isSafeEntryName } from '../../electron/sync/zip';
import { attachmentEntry, MANIFEST_ENTRY, PACKAGE_FORMAT, type Manifest } from '../../shared/sync/manifest';
import { mutate, mutationArb, newKeys, refusal, sampleEntries, sampleManifest, sha256, utf8 } from './sync-fixture';

/*
 * Every changed, truncated or random file must be refused with a Chinese AppError, and by a
 * deliberate check (never stage 'unexpected'). Half of the mutated files are re-signed with the
 * trusted key after the change, so they get past the signature and exercise the zip reader, the
 * manifest and the entry checks. Counts per category and stage are printed at the end.
 */

const trusted = newKeys();
const stranger = newKeys();
const pkg = writePackage({ manifest: sampleManifest(trusted), entries: sampleEntries() }, trusted);
const zip = unsignedZip(pkg).slice();
const original = readPackage(pkg);
const files: [string, Uint8Array][] = [...original.entries].sort(([a], [b]) => (a < b ? -1 : 1));

type Category = 'tampered' | 'mutated' | 'mutated, re-signed zip' | 'mutated, re-signed content' | 'truncated' | 'random' | 'random, signed';
const counts = new Map<Category, Map<string, number>>();
const count = (category: Category, outcome: string) => {
  const row = counts.get(category) ?? new Map<string, number>();
  row.set(outcome, (row.get(outcome) ?? 0) + 1);
  counts.set(category, row);
};
const started = performance.now();

/** Read the bytes, which must be refused; records and returns the stage. */
function mustRefuse(category: Category, bytes: Uint8Array, allowed: readonly PackageStage[]): PackageStage {
  const error = refusal(() => readPackage(bytes));
  expect(allowed, `${category}: ${error.message}`).toContain(error.stage);
  count(category, error.stage);
  return error.stage;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;
const sameContent = (read: ReadPackage) => {
  expect(read.manifest).toEqual(original.manifest);
  expect(read.entries.size).toBe(original.entries.size);
  for (const [name, data] of original.entries) expect(sameBytes(read.entries.get(name)!, data)).toBe(true);
};

/** [start, end) of each entry's compressed data in the zip, from the local headers. */
const deflateRegions: [number, number][] = [];
for (let at = 0, view = Buffer.from(zip); view.readUInt32LE(at) === 0x04034b50; ) {
  const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28);
  deflateRegions.push([start, (at = start + view.readUInt32LE(at + 18))]);
}

const SIGNED_STAGES: readonly PackageStage[] = ['container', 'manifest', 'version', 'signer', 'entries'];

// ---- content-level mutations, re-signed: each is malformed by construction ---------------

type Path = (string | number)[];
function paths(value: unknown, at: Path = []): { leaves: Path[]; objects: Path[] } {
  const leaves: Path[] = [];
  const objects: Path[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => merge(paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object') {
    objects.push(at);
    for (const [k, v] of Object.entries(value)) merge(paths(v, [...at, k]));
  } else leaves.push(at);
  return { leaves, objects };
  function merge(p: { leaves: Path[]; objects: Path[] }) {
    leaves.push(...p.leaves);
    objects.push(...p.objects);
  }
}
const { leaves, objects } = paths(original.manifest);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const get = (root: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
const uuidPaths = leaves.filter((p) => typeof get(original.manifest, p) === 'string' && UUID.test(get(original.manifest, p) as string));
const parentOf = (root: unknown, path: Path) => get(root, path.slice(0, -1)) as Record<string | number, unknown>;

/** Values of a type the schema never accepts at a leaf of the given current type. */
const wrongValues: Record<string, unknown[]> = {
  string: [42, true, {}, []],
  number: ['1', true, null, {}, [], -1, 1.5],
  object: [42, true, {}, []], // null leaves: nullable uuids
};

const pick = <T,>(list: readonly T[], n: number) => list[n % list.length]!;
const clone = () => structuredClone(original.manifest) as Manifest & Record<string, unknown>;
const json = (m: unknown) => utf8(JSON.stringify(m));
const UNSAFE_NAMES = ['../changes.json', '/etc/passwd', 'attachments\\evil', 'C:evil', 'CHANGES.json', 'a/../b', 'a//b', '.hidden', 'attachments/', ' changes.json', '名单.json', '0', 'a'.repeat(201)];

interface Forged {
  readonly manifest: Uint8Array | null;
  readonly files: [string, Uint8Array][];
  readonly signer?: typeof trusted;
  readonly expect: readonly PackageStage[];
}

type Case = { kind: string; forged: Forged };
const contentArb: fc.Arbitrary<Case> = fc.oneof(
  fc.nat().map((n): Case => {
    const text = JSON.stringify(original.manifest);
    return { kind: 'manifest JSON truncated', forged: { manifest: utf8(text.slice(0, n % text.length)), files, expect: ['manifest'] } };
  }),
  fc.constantFrom('x', ',', '}', '{', '"', '0', '[').map((junk): Case => ({
    kind: 'manifest JSON with junk after it',
    forged: { manifest: utf8(JSON.stringify(original.manifest) + junk), files, expect: ['manifest'] },
  })),
  fc.tuple(fc.nat(), fc.constantFrom(0xff, 0xfe, 0xc0, 0x80)).map(([n, byte]): Case => {
    const bytes = Buffer.from(JSON.stringify(original.manifest));
    const at = n % bytes.length;
    return { kind: 'manifest not UTF-8', forged: { manifest: Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)]), files, expect: ['manifest'] } };
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([p, v]): Case => {
    const m = clone();
    const path = pick(leaves, p);
    const current = get(m, path);
    parentOf(m, path)[path.at(-1)!] = pick(wrongValues[current === null ? 'object' : typeof current]!, v);
    return { kind: 'manifest field of the wrong type', forged: { manifest: json(m), files, expect: ['manifest', 'version'] } };
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([o, k]): Case => {
    const m = clone();
    const target = get(m, pick(objects, o)) as Record<string, unknown>;
    delete target[pick(Object.keys(target), k)];
    return { kind: 'manifest field missing', forged: { manifest: json(m), files, expect: ['manifest', 'version'] } };
  }),
  fc.tuple(fc.nat(), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([o, key, value]): Case => {
    const m = clone();
    (get(m, pick(objects, o)) as Record<string, unknown>)[`x_${key}`] = value;
    return { kind: 'manifest field unknown', forged: { manifest: json(m), files, expect: ['manifest'] } };
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('g', 'z', 'G', ' ', '_', '{')).map(([p, at, c]): Case => {
    const m = clone();
    const path = pick(uuidPaths, p);
    const id = get(m, path) as string;
    const i = at % id.length;
    parentOf(m, path)[path.at(-1)!] = id.slice(0, i) + c + id.slice(i + 1);
    return { kind: 'manifest id not a UUID', forged: { manifest: json(m), files, expect: ['manifest'] } };
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 })).map(([e, at, xor]): Case => {
    const changed = files.map(([n, d]) => [n, d.slice()] as [string, Uint8Array]);
    const data = pick(changed, e)[1];
    if (data.length > 0) data[at % data.length]! ^= xor;
    return { kind: 'entry content changed', forged: { manifest: json(original.manifest), files: changed, expect: ['entries'] } };
  }),
  fc.nat().map((e): Case => ({
    kind: 'listed entry missing',
    forged: { manifest: json(original.manifest), files: files.filter((_, i) => i !== e % files.length), expect: ['entries'] },
  })),
  fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.boolean()).map(([data, asAttachment]): Case => ({
    kind: 'unlisted entry',
    forged: { manifest: json(original.manifest), files: [...files, [asAttachment ? attachmentEntry(sha256(data)) : 'receipt.json', data]], expect: ['entries'] },
  })),
  fc.nat().map((e): Case => {
    const m = clone();
    m.entries.splice(e % m.entries.length, 1);
    return { kind: 'entry not listed', forged: { manifest: json(m), files, expect: ['entries'] } };
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 1000 }), fc.nat(), fc.boolean()).map(([e, delta, at, sizeNotHash]): Case => {
    const m = clone();
    const entry = pick(m.entries, e);
    if (sizeNotHash) entry.size += delta;
    else {
      const i = at % 64;
      entry.sha256 = entry.sha256.slice(0, i) + ((parseInt(entry.sha256[i]!, 16) + 1 + (delta % 15)) % 16).toString(16) + entry.sha256.slice(i + 1);
    }
    return { kind: 'listed size or SHA-256 wrong', forged: { manifest: json(m), files, expect: ['entries'] } };
  }),
  fc.stringMatching(/^[0-9a-f]{64}$/).map((hex): Case => {
    const m = clone();
    const entry = m.entries.find((x) => x.name.startsWith('attachments/'))!;
    const data = original.entries.get(entry.name)!;
    const name = attachmentEntry(hex === entry.sha256 ? '0'.repeat(64) : hex);
    const renamed = files.map(([n, d]) => [n === entry.name ? name : n, d] as [string, Uint8Array]);
    entry.name = name;
    expect(name).not.toBe(attachmentEntry(sha256(data)));
    return { kind: 'attachment named by another hash', forged: { manifest: json(m), files: renamed, expect: ['entries'] } };
  }),
  fc.oneof(fc.constantFrom(...UNSAFE_NAMES), fc.string({ maxLength: 40 }).filter((s) => !isSafeEntryName(s) && s !== '__proto__')).map((name): Case => ({
    kind: 'unsafe entry name',
    forged: { manifest: json(original.manifest), files: [...files, [name, utf8('{}')]], expect: ['container'] },
  })),
  fc.boolean().map((stranger_): Case => {
    const m = clone();
    if (stranger_) m.origin.publicKey = stranger.publicKeyPem;
    return { kind: 'signer is not the manifest key', forged: { manifest: json(m), files, signer: stranger_ ? trusted : stranger, expect: ['signer'] } };
  }),
  fc.string({ maxLength: 30 }).map((format): Case => {
    const m = clone();
    (m as Record<string, unknown>).format = format === PACKAGE_FORMAT ? 'other' : format;
    return { kind: 'another format', forged: { manifest: json(m), files, expect: ['version'] } };
  }),
  fc.integer({ min: 2, max: 1_000_000 }).map((version): Case => {
    const m = clone();
    m.formatVersion = version;
    return { kind: 'newer format version', forged: { manifest: json(m), files, expect: ['version'] } };
  }),
  fc.nat().map((e): Case => {
    const m = clone();
    m.entries.push(pick(m.entries, e));
    return { kind: 'entry listed twice', forged: { manifest: json(m), files, expect: ['manifest'] } };
  }),
  fc.constant<Case>({ kind: 'manifest missing', forged: { manifest: null, files, expect: ['manifest'] } }),
);

/** Two entries patched to the same name in both headers: only reachable by editing zip bytes. */
function duplicateNames(): Uint8Array {
  const a = utf8('{"a":1}');
  const b = utf8('{"b":2}');
  const patched = Buffer.from(zipEntries([[MANIFEST_ENTRY, json(original.manifest)], [attachmentEntry(sha256(a)), a], [attachmentEntry(sha256(b)), b]]));
  return Buffer.from(patched.toString('latin1').replaceAll(sha256(b), sha256(a)), 'latin1');
}

function forge(f: Forged): Uint8Array {
  const entries: [string, Uint8Array][] = f.manifest ? [[MANIFEST_ENTRY, f.manifest], ...f.files] : [...f.files];
  return signZip(zipEntries(entries), f.signer ?? trusted);
}

// ---- the tests ----------------------------------------------------------------------------

describe('tampering', () => {
  it('detects a changed byte at every offset of a small valid package', () => {
    const zipEnd = pkg.length - TRAILER_BYTES;
    // Trailer fields compared exactly (magics, length) fail as framing; all else fails the signature.
    const expected = (at: number): PackageStage =>
      (at >= zipEnd && at < zipEnd + 8) || (at >= zipEnd + 40 && at < zipEnd + 44) || at >= pkg.length - 8 ? 'framing' : 'signature';
    let tried = 0;
    for (let at = 0; at < pkg.length; at++) {
      for (const mask of [0xff, 1 << (at % 8)]) {
        const bytes = pkg.slice();
        bytes[at]! ^= mask;
        expect(mustRefuse('tampered', bytes, [expected(at)])).toBe(expected(at));
        tried++;
      }
    }
    console.log(`tampering: ${pkg.length} offsets × 2 changes (all bits, one bit) = ${tried} files, all refused`);
    expect(tried).toBe(pkg.length * 2);
  });
});

describe('fuzzing', () => {
  it('refuses mutated packages whose signature was kept', () => {
    fc.assert(
      fc.property(mutationArb, (ops) => {
        const bytes = mutate(pkg, ops);
        if (sameBytes(bytes, pkg)) return count('mutated', 'unchanged (skipped)');
        mustRefuse('mutated', bytes, ['framing', 'signature']);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses mutated zips re-signed with the trusted key at the zip, manifest or entry checks', () => {
    expect(deflateRegions).toHaveLength(files.length + 1);
    fc.assert(
      fc.property(mutationArb, (ops) => {
        const changed = mutate(zip, ops);
        if (sameBytes(changed, zip)) return count('mutated, re-signed zip', 'unchanged (skipped)');
        const bytes = signZip(changed, trusted);
        let read: ReadPackage;
        try {
          read = readPackage(bytes);
        } catch {
          mustRefuse('mutated, re-signed zip', bytes, SIGNED_STAGES);
          return;
        }
        // Deflate has spare bits (the padding after the last block): a change there decodes to the
        // same content. Accepted only for in-place changes inside compressed data, and only if
        // manifest and entries are exactly the original ones; every header byte is pinned.
        for (const op of ops) {
          expect(op.kind === 'flip' || op.kind === 'change').toBe(true);
          expect(deflateRegions.some(([from, to]) => op.at % zip.length >= from && op.at % zip.length < to)).toBe(true);
        }
        sameContent(read);
        count('mutated, re-signed zip', 'same content (accepted)');
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses re-signed packages with a malformed manifest or entries, each at its own check', () => {
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(contentArb, ({ kind, forged }) => {
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        mustRefuse('mutated, re-signed content', forge(forged), forged.expect);
      }),
      { numRuns: 1450 },
    );
    for (let i = 0; i < 50; i++) mustRefuse('mutated, re-signed content', signZip(duplicateNames(), trusted), ['container']);
    console.log(`re-signed content mutations by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}, duplicate names 50`);
    expect(kinds.size).toBeGreaterThanOrEqual(15);
  });

  it('refuses every truncation, from the end and from the start', () => {
    for (let length = 0; length < pkg.length; length++) mustRefuse('truncated', pkg.subarray(0, length), ['framing']);
    for (let start = 1; start <= pkg.length; start++) mustRefuse('truncated', pkg.subarray(start), ['framing']);
  });

  it('refuses random files, and random bytes signed as if they were a zip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => void mustRefuse('random', bytes, ['framing'])),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => void mustRefuse('random, signed', signZip(bytes, trusted), ['container'])),
      { numRuns: 1000 },
    );
  });

  it('refused at least 10,000 of them, half of the mutated ones re-signed', () => {
    const rows = [...counts].map(([category, row]) => {
      const refused = [...row].filter(([outcome]) => !outcome.includes('(')).reduce((sum, [, n]) => sum + n, 0);
      return { category, refused, outcomes: [...row].map(([k, n]) => `${k} ${n}`).join(', ') };
    });
    const total = (pick: (category: string) => boolean) => rows.filter((r) => pick(r.category)).reduce((sum, r) => sum + r.refused, 0);
    for (const r of rows) console.log(`${r.category.padEnd(28)} refused ${String(r.refused).padStart(5)}  (${r.outcomes})`);
    const fuzzed = total((c) => c !== 'tampered');
    const mutated = total((c) => c.startsWith('mutated'));
    const resigned = total((c) => c.includes('re-signed'));
    console.log(`fuzz: ${fuzzed} mutated, truncated or random files refused (${resigned} of ${mutated} mutated ones re-signed) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(fuzzed).toBeGreaterThanOrEqual(10_000);
    expect(resigned / mutated).toBeGreaterThanOrEqual(0.49);
  });
});
