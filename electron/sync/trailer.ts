import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { PackageError } from './sync-error';

/*
 * The signature trailer that ends every package file (all integers little-endian):
 *
 *   offset      size  field
 *   0           N     the zip (see zip.ts)
 *   N           8     magic "TLSIG1\0\0"
 *   N+8         32    signer's Ed25519 public key, raw
 *   N+40        4     N, the zip length (u32)
 *   N+44        64    Ed25519 signature of SHA-256(bytes 0 .. N+44), i.e. of everything above
 *   N+108       8     magic "TLEND1\0\0"
 *                     total N + 116 bytes
 *
 * The signature covers every byte before it; the end magic is a constant compared exactly, and
 * a changed signature byte fails verification, so no byte of the file can change unnoticed. It
 * is checked before the zip is parsed: a damaged or forged file never reaches the unzip code.
 * The key in the trailer says who signed; whether that office is trusted is the importer's call
 * (by the fingerprint), and the manifest must name the same key.
 */

const SIG_MAGIC = Buffer.from('TLSIG1\0\0', 'latin1');
const END_MAGIC = Buffer.from('TLEND1\0\0', 'latin1');
const KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
export const TRAILER_BYTES = SIG_MAGIC.length + KEY_BYTES + 4 + SIGNATURE_BYTES + END_MAGIC.length;
/** Where the signed part ends, counted back from the end of the file. */
const SIGNED_TAIL = SIGNATURE_BYTES + END_MAGIC.length;

/** DER prefix that turns a raw 32-byte Ed25519 key into an SPKI structure. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PEM = /^-----BEGIN PUBLIC KEY-----\r?\n([A-Za-z0-9+/=\r\n]{1,200})-----END PUBLIC KEY-----\r?\n?$/;

export function rawPublicKey(key: KeyObject): Buffer {
  const raw = rawFromSpki(key.export({ type: 'spki', format: 'der' }));
  if (!raw) throw new PackageError('write', '无法生成数据包：本机密钥不是 Ed25519 密钥。');
  return raw;
}

function rawFromSpki(der: Buffer): Buffer | null {
  return der.length === SPKI_PREFIX.length + KEY_BYTES && der.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX) ? der.subarray(SPKI_PREFIX.length) : null;
}

/**
 * The raw Ed25519 key in an SPKI PEM, or null. Decoded by hand: comparing keys this way costs
 * nothing, where OpenSSL's PEM decoder takes about a millisecond per call.
 */
export function rawFromPem(pem: string): Buffer | null {
  const body = PEM.exec(pem)?.[1];
  return body ? rawFromSpki(Buffer.from(body.replace(/\r?\n/g, ''), 'base64')) : null;
}

/** SPKI PEM exactly as node:crypto exports it. */
export function pemFromRaw(raw: Uint8Array): string {
  return `-----BEGIN PUBLIC KEY-----\n${Buffer.concat([SPKI_PREFIX, raw]).toString('base64')}\n-----END PUBLIC KEY-----\n`;
}

/** Imported as JWK, which is several times faster than DER or PEM. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

/** The last signing key, parsed once: exporting many packages (or a fuzz test) signs with one key. */
let signer: { readonly pem: string; readonly key: KeyObject; readonly raw: Buffer } | null = null;

export function signingKey(privateKeyPem: string): { readonly key: KeyObject; readonly raw: Buffer } {
  if (signer?.pem !== privateKeyPem) {
    const key = createPrivateKey(privateKeyPem);
    signer = { pem: privateKeyPem, key, raw: rawPublicKey(createPublicKey(key)) };
  }
  return signer;
}

/** Append the signature trailer to a zip, signing with the given private key. */
export function signZip(zip: Uint8Array, keys: { readonly privateKeyPem: string }): Uint8Array {
  const { key, raw } = signingKey(keys.privateKeyPem);
  const out = new Uint8Array(zip.length + TRAILER_BYTES);
  out.set(zip, 0);
  let at = zip.length;
  out.set(SIG_MAGIC, at);
  out.set(raw, (at += SIG_MAGIC.length));
  new DataView(out.buffer).setUint32((at += KEY_BYTES), zip.length, true);
  at += 4;
  out.set(sign(null, digest(out.subarray(0, at)), key), at);
  out.set(END_MAGIC, at + SIGNATURE_BYTES);
  return out;
}

const notAPackage = () => new PackageError('framing', '这不是目标台账数据包（文件格式不符）。请确认选择的是扩展名为 .tlpkg 的数据包文件。');

/** Check the trailer and the signature; only then hand out the zip and the signer's key. */
export function verifySigned(bytes: Uint8Array): { zip: Uint8Array; signer: Buffer } {
  if (bytes.length < TRAILER_BYTES) throw notAPackage();
  const zipLength = bytes.length - TRAILER_BYTES;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (offset: number, length: number) => bytes.subarray(zipLength + offset, zipLength + offset + length);
  if (!SIG_MAGIC.equals(at(0, SIG_MAGIC.length)) || !END_MAGIC.equals(bytes.subarray(bytes.length - END_MAGIC.length))) throw notAPackage();
  if (view.getUint32(zipLength + SIG_MAGIC.length + KEY_BYTES, true) !== zipLength) throw notAPackage();

  const signed = bytes.subarray(0, bytes.length - SIGNED_TAIL);
  const signature = bytes.subarray(bytes.length - SIGNED_TAIL, bytes.length - END_MAGIC.length);
  const signer = Buffer.from(at(SIG_MAGIC.length, KEY_BYTES));
  let valid: boolean;
  try {
    valid = verify(null, digest(signed), publicKeyFromRaw(signer), signature);
  } catch {
    valid = false;
  }
  if (!valid) throw new PackageError('signature', '数据包已损坏或被改动：签名不符。请让对方重新导出后再导入。');
  return { zip: bytes.subarray(0, zipLength), signer };
}

/** The zip of a signed package without checking anything (for re-signing in tests). */
export function unsignedZip(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(0, Math.max(0, bytes.length - TRAILER_BYTES));
}

function digest(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}
