import zlib from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../electron/core/identity';
import { readPackage, resignPackage, signZip, unsignedZip, writePackage, zipEntries } from '../../electron/sync/container';
import { isPart, joinParts, PART_HEADER_BYTES, splitPackage } from '../../electron/sync/parts';
import { TRAILER_BYTES } from '../../electron/sync/trailer';
import { tableCrc32 } from '../../electron/sync/zip';
import { attachmentEntry, CHANGES_ENTRY, MANIFEST_ENTRY, type Manifest } from '../../shared/sync/manifest';
import { expectStage, newKeys, sampleAttachment, sampleEntries, sampleManifest, sha256, utf8 } from './sync-fixture';

const keys = newKeys();
const otherKeys = newKeys();
const entries = sampleEntries();
const pkg = writePackage({ manifest: sampleManifest(keys), entries }, keys);
const opened = readPackage(pkg);

/** A package built by hand: any manifest (object or raw text) and any entries, signed by `by`. */
function forge(manifest: unknown, files: [string, Uint8Array][], by = keys): Uint8Array {
  const text = typeof manifest === 'string' ? utf8(manifest) : manifest instanceof Uint8Array ? manifest : utf8(JSON.stringify(manifest));
  return signZip(zipEntries([[MANIFEST_ENTRY, text], ...files]), by);
}
const entryList = (): [string, Uint8Array][] => [...entries.entries()];
const withManifest = (change: (m: Manifest) => void): Manifest => {
  const m = structuredClone(opened.manifest);
  change(m);
  return m;
};

describe('sync package container', () => {
  it('round-trips the manifest, the entries and the signer', () => {
    expect(opened.manifest).toEqual({
      ...sampleManifest(keys),
      entries: [...entries].map(([name, data]) => ({ name, size: data.length, sha256: sha256(data) })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    });
    expect([...opened.entries.keys()].sort()).toEqual([...entries.keys()].sort());
    for (const [name, data] of entries) expect(Buffer.from(opened.entries.get(name)!).equals(Buffer.from(data))).toBe(true);
    expect(opened.publicKeyPem).toBe(keys.publicKeyPem);
    expect(opened.fingerprint).toBe(fingerprint(keys.publicKeyPem));
    expect(opened.fingerprint).not.toBe(fingerprint(otherKeys.publicKeyPem));
    console.log(`package: ${pkg.length} bytes (${entries.size} entries, trailer ${TRAILER_BYTES} bytes)`);
  });

  it('round-trips empty entries and a package without any entry', () => {
    const empty = writePackage({ manifest: sampleManifest(keys), entries: new Map([['receipt.json', new Uint8Array(0)]]) }, keys);
    expect(readPackage(empty).entries.get('receipt.json')!.length).toBe(0);
    expect(readPackage(writePackage({ manifest: sampleManifest(keys), entries: new Map() }, keys)).entries.size).toBe(0);
  });

  it('writes the same bytes for the same input, whatever the order of entries and manifest keys', () => {
    const again = writePackage({ manifest: sampleManifest(keys), entries: new Map([...entries].reverse()) }, keys);
    const reordered = Object.fromEntries(Object.entries(sampleManifest(keys)).reverse()) as ReturnType<typeof sampleManifest>;
    const third = writePackage({ manifest: reordered, entries }, keys);
    expect(Buffer.from(again).equals(Buffer.from(pkg))).toBe(true);
    expect(Buffer.from(third).equals(Buffer.from(pkg))).toBe(true);
    const otherSigner = writePackage({ manifest: sampleManifest(otherKeys), entries }, otherKeys);
    expect(Buffer.from(otherSigner).equals(Buffer.from(pkg))).toBe(false);
  });

  it('stores entries in name order after the manifest, at a fixed time', () => {
    const zip = unsignedZip(pkg);
    const bytes = Buffer.from(zip);
    const names: string[] = [];
    for (let at = bytes.indexOf('PK\x03\x04'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 4)) {
      expect(bytes.readUInt32LE(at + 10)).toBe((0x0021 << 16) | 0x6000); // DOS time 1980-01-01 12:00
      names.push(bytes.toString('latin1', at + 30, at + 30 + bytes.readUInt16LE(at + 26)));
    }
    expect(names).toEqual([MANIFEST_ENTRY, ...[...entries.keys()].sort()]);
  });

  it('refuses files of the wrong size or shape before looking inside', () => {
    expectStage(() => readPackage(pkg, { maxFileBytes: pkg.length - 1 }), 'size', /超过.*无法导入/);
    for (const bytes of [new Uint8Array(0), pkg.subarray(0, TRAILER_BYTES - 1), utf8('这是一个普通的文本文件，不是数据包。'), zipSync({ 'word/document.xml': utf8('<w:document/>') })]) {
      expectStage(() => readPackage(bytes), 'framing', '这不是目标台账数据包（文件格式不符）。请确认选择的是扩展名为 .tlpkg 的数据包文件。');
    }
    const [first] = splitPackage(pkg, 1000);
    expectStage(() => readPackage(first!), 'parts', /第1部分，共\d+部分.*请同时选择全部分卷/);
  });

  it('refuses a changed byte, a swapped signer key and a stripped signature at the signature', () => {
    const flipped = pkg.slice();
    flipped[100]! ^= 1;
    expectStage(() => readPackage(flipped), 'signature', '数据包已损坏或被改动：签名不符。请让对方重新导出后再导入。');
    const otherSigned = writePackage({ manifest: sampleManifest(otherKeys), entries }, otherKeys);
    const swapped = pkg.slice();
    const keyAt = pkg.length - TRAILER_BYTES + 8;
    swapped.set(otherSigned.subarray(keyAt, keyAt + 32), keyAt);
    expectStage(() => readPackage(swapped), 'signature');
    const zeroSignature = pkg.slice();
    zeroSignature.fill(0, pkg.length - 72, pkg.length - 8);
    expectStage(() => readPackage(zeroSignature), 'signature');
  });

  it('refuses unsafe names, duplicates, bad layouts and zip bombs in a validly signed file', () => {
    for (const name of ['../evil.json', '/etc/passwd', 'attachments\\x', 'C:x', 'Changes.json', 'a/./b', 'attachments/', 'x'.repeat(201), '名单.json']) {
      const zip = zipEntries([[MANIFEST_ENTRY, utf8(JSON.stringify(opened.manifest))], [name, utf8('x')]]);
      expectStage(() => readPackage(signZip(zip, keys)), 'container', '数据包含有不安全的文件名，已拒绝导入。请让对方重新导出后再导入。');
    }

    // Two entries whose names differ, then patched to the same name in both headers.
    const a = sampleAttachment(10);
    const b = sampleAttachment(11);
    const zip = Buffer.from(zipEntries([[MANIFEST_ENTRY, utf8('{}')], [attachmentEntry(sha256(a)), a], [attachmentEntry(sha256(b)), b]]));
    const patched = Buffer.from(zip.toString('latin1').replaceAll(sha256(b), sha256(a)), 'latin1');
    expectStage(() => readPackage(signZip(patched, keys)), 'container', /存在重名条目/);

    // Junk between entries, a comment after the directory, an unknown compression method.
    expectStage(() => readPackage(signZip(Buffer.concat([Buffer.from('junk'), unsignedZip(pkg)]), keys)), 'container', /数据包内容已损坏（.*）/);
    expectStage(() => readPackage(signZip(Buffer.concat([unsignedZip(pkg), Buffer.from('comment')]), keys)), 'container');
    const stored = Buffer.from(zipEntries([[MANIFEST_ENTRY, utf8('{}')]]));
    stored[8] = 14; // LZMA, in the local header
    stored[stored.indexOf('PK\x01\x02') + 10] = 14; // and in the central one
    expectStage(() => readPackage(signZip(stored, keys)), 'container', /不支持的压缩方式/);

    // Declared sizes over the limits are refused before anything is inflated.
    expectStage(() => readPackage(pkg, { maxEntryBytes: 1000 }), 'container', /解压后过大（超过1000 字节）/);
    expectStage(() => readPackage(pkg, { maxTotalBytes: 2000 }), 'container', /解压后过大/);
    expectStage(() => readPackage(pkg, { maxEntries: 2 }), 'container', /条目过多（超过2个）/);

    // A bomb: 16 MB of zeros deflated to ~16 KB, declaring 1,000 bytes, stops at 1,000 bytes.
    const bomb = Buffer.from(zipEntries([[MANIFEST_ENTRY, utf8('{}')], ['changes.json', new Uint8Array(16 * 1024 ** 2)]]));
    const local = bomb.indexOf('PK\x03\x04', 4);
    const central = bomb.indexOf('PK\x01\x02', bomb.indexOf('PK\x01\x02') + 4);
    bomb.writeUInt32LE(1000, local + 22); // uncompressed size, local header
    bomb.writeUInt32LE(1000, central + 24); // and central header
    const started = performance.now();
    expectStage(() => readPackage(signZip(bomb, keys)), 'container', /压缩数据长度不符/);
    const ms = performance.now() - started;
    console.log(`zip bomb (${bomb.length} bytes declaring 1,000, inflating to 16 MB) refused in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a missing, unreadable or malformed manifest', () => {
    expectStage(() => readPackage(signZip(zipEntries(entryList()), keys)), 'manifest', '数据包内容已损坏（缺少清单（manifest.json））。请让对方重新导出后再导入。');
    expectStage(() => readPackage(forge('{"format":', entryList())), 'manifest', /清单不是有效的 JSON/);
    expectStage(() => readPackage(forge(new Uint8Array([0x7b, 0xff, 0x7d]), entryList())), 'manifest', /清单不是有效的 JSON/);
    expectStage(() => readPackage(forge('[1]', entryList())), 'manifest', /清单不是 JSON 对象/);
    expectStage(() => readPackage(forge(withManifest((m) => (m.origin.officeId = 'not-a-uuid')), entryList())), 'manifest', /清单字段 origin\.officeId 不符合要求/);
    expectStage(() => readPackage(forge({ ...opened.manifest, extra: 1 }, entryList())), 'manifest', /清单字段/);
    expectStage(() => readPackage(forge(withManifest((m) => m.entries.push(m.entries[0]!)), entryList())), 'manifest', /重复列出条目/);
  });

  it('refuses another format and asks for an upgrade for a newer format version', () => {
    expectStage(() => readPackage(forge(withManifest((m) => ((m as { format: string }).format = 'other-app')), entryList())), 'version', /这不是目标台账数据包/);
    expectStage(
      () => readPackage(forge({ ...withManifest((m) => (m.formatVersion = 2)), newField: '新版本才有的字段' }, entryList())),
      'version',
      '数据包由更新版本的目标台账导出（格式版本2，本机支持1），请升级目标台账后再导入。',
    );
  });

  it('refuses a package whose manifest names another key than the one that signed it', () => {
    expectStage(() => readPackage(resignPackage(pkg, otherKeys)), 'signer', /签名者与清单中的来源单位公钥不一致/);
    expectStage(() => readPackage(forge(withManifest((m) => (m.origin.publicKey = 'not a key')), entryList())), 'signer');
    // The same key written with Windows line endings is still the same key.
    const crlf = readPackage(forge(withManifest((m) => (m.origin.publicKey = keys.publicKeyPem.replaceAll('\n', '\r\n'))), entryList()));
    expect(crlf.publicKeyPem).toBe(keys.publicKeyPem);
  });

  it('refuses entries that are missing, unlisted, changed or misnamed', () => {
    const [changes, attachment] = [entries.get(CHANGES_ENTRY)!, [...entries].find(([n]) => n.startsWith('attachments/'))!];
    expectStage(() => readPackage(forge(opened.manifest, [attachment])), 'entries', '数据包不完整：缺少条目“changes.json”。请让对方重新导出后再导入。');
    expectStage(() => readPackage(forge(opened.manifest, [...entryList(), ['receipt.json', utf8('{}')]])), 'entries', /清单未列出的条目“receipt\.json”/);
    const edited = changes.slice();
    edited[5]! ^= 0x20;
    expectStage(() => readPackage(forge(opened.manifest, [[CHANGES_ENTRY, edited], attachment])), 'entries', /条目“changes\.json”与清单不符/);
    expectStage(() => readPackage(forge(withManifest((m) => (m.entries[0]!.size += 1)), entryList())), 'entries', /与清单不符/);
    const wrongName = attachmentEntry('0'.repeat(64));
    const renamed = withManifest((m) => (m.entries.find((e) => e.name === attachment[0])!.name = wrongName));
    expectStage(() => readPackage(forge(renamed, [[CHANGES_ENTRY, changes], [wrongName, attachment[1]]])), 'entries', /附件.*的名称与内容不符/);
  });

  it('refuses to write what it would refuse to read', () => {
    const write = (e: Map<string, Uint8Array>, m = sampleManifest(keys), k = keys) => () => writePackage({ manifest: m, entries: e }, k);
    expectStage(write(new Map([['../x', utf8('x')]])), 'write', /条目名称“\.\.\/x”不符合要求/);
    expectStage(write(new Map([[MANIFEST_ENTRY, utf8('{}')]])), 'write', /条目名称/);
    expectStage(write(new Map([[attachmentEntry('0'.repeat(64)), utf8('x')]])), 'write', /名称与内容的校验值不符/);
    expectStage(write(entries, { ...sampleManifest(keys), packageId: 'x' }), 'write', /清单字段 packageId/);
    expectStage(write(entries, sampleManifest(otherKeys)), 'write', /密钥与清单中的公钥不一致/);
    expectStage(write(entries, sampleManifest(keys), { ...keys, publicKeyPem: otherKeys.publicKeyPem }), 'write', /密钥/);
    expectStage(() => writePackage({ manifest: sampleManifest(keys), entries }, keys, { maxFileBytes: 500 }), 'write', /超过500 字节/);
  });

  it('computes the same CRC-32 as zlib without it', () => {
    for (const data of [new Uint8Array(0), utf8('目标台账'), sampleAttachment(5000)]) expect(tableCrc32(data)).toBe(zlib.crc32(data));
  });
});

describe('split packages', () => {
  const partSize = 1000;
  const parts = splitPackage(pkg, partSize);
  const otherParts = splitPackage(writePackage({ manifest: { ...sampleManifest(keys), kind: 'full' }, entries }, keys), partSize);

  it('splits into parts no larger than asked and joins them in any order, with duplicates', () => {
    expect(parts.length).toBe(Math.ceil(pkg.length / (partSize - PART_HEADER_BYTES)));
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(partSize);
      expect(isPart(part)).toBe(true);
    }
    expect(isPart(pkg)).toBe(false);
    const shuffled = [...parts].reverse();
    shuffled.splice(1, 0, parts[1]!, parts[0]!);
    expect(Buffer.from(joinParts(shuffled)).equals(Buffer.from(pkg))).toBe(true);
    expect(readPackage(joinParts(shuffled)).manifest.packageId).toBe(opened.manifest.packageId);
  });

  it('leaves a package that fits as one file, and joinParts passes it through', () => {
    expect(splitPackage(pkg, pkg.length)).toEqual([pkg]);
    expect(joinParts([pkg])).toBe(pkg);
  });

  it('names the missing parts', () => {
    expectStage(() => joinParts(parts.filter((_, i) => i !== 1)), 'parts', `数据包不完整：缺少第2部分（共${parts.length}部分）。请找到全部分卷后一起导入。`);
    expectStage(() => joinParts([parts[0]!]), 'parts', new RegExp(`缺少第${Array.from({ length: parts.length - 1 }, (_, i) => i + 2).join('、')}部分`));
  });

  it('names a part from another package, a damaged part and a file that is no part', () => {
    const foreign = expectStage(() => joinParts([parts[0]!, otherParts[1]!, ...parts.slice(1)]), 'parts', '所选的第2个文件属于另一个数据包。请只选择同一数据包的各个分卷。');
    expect(foreign.files).toEqual([1]);
    for (const offset of [0, 9, 45, 60, parts[1]!.length - 1]) {
      const damaged = parts[1]!.slice();
      damaged[offset]! ^= 0x10;
      const error = expectStage(() => joinParts([parts[0]!, damaged, ...parts.slice(2)]), 'parts', /^所选的第2个文件/);
      expect(error.files).toEqual([1]);
    }
    expectStage(() => joinParts([parts[0]!, pkg]), 'parts', '所选的第2个文件不是数据包分卷。分卷导入时请只选择同一数据包的各个分卷。');
    expectStage(() => joinParts([]), 'parts', /没有选择数据包文件/);
  });

  it('refuses part sizes that cannot hold a header or make too many parts', () => {
    expectStage(() => splitPackage(pkg, PART_HEADER_BYTES), 'write', /分卷大小至少为/);
    expectStage(() => splitPackage(parts[0]!, 500), 'write', /已经是一个分卷/);
    expectStage(() => splitPackage(new Uint8Array(20_000), PART_HEADER_BYTES + 1), 'write', /分卷过多/);
  });
});
