/**
 * Turns the bytes of a plain-text file into a string: a BOM decides; otherwise strict UTF-8, then
 * strict GB18030 (what old Windows tools in China save as "ANSI"). Binary content is refused.
 */
import type { TextEncoding } from './types';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

/** Share of control characters above which decoded "text" is taken to be binary. */
const MAX_CONTROL_SHARE = 0.02;

/** The decoded text, or null when the bytes are not text in an encoding we know. */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  const decoded = decode(bytes);
  if (!decoded || looksBinary(decoded.text)) return null;
  return decoded;
}

function decode(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.includes(0)) return null;
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = strictDecode('gb18030', bytes);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  return null;
}

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** NULs, or more than a few control characters other than tab, newlines and form feed. */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b && code !== 0x1a) || code === 0x7f) controls++;
  }
  return controls > Math.max(2, text.length * MAX_CONTROL_SHARE);
}
