/** Bytes per chunk: a multiple of 3 so each chunk encodes without padding, small enough for `apply`. */
const CHUNK = 3 * 8192;

/**
 * Base64 of a file's bytes, chunk by chunk: `String.fromCharCode(...bigArray)` overflows the
 * stack on large files, and one huge binary string doubles the memory for a 20 MB document.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const chunk = bytes.subarray(offset, Math.min(offset + CHUNK, bytes.length));
    parts.push(btoa(String.fromCharCode.apply(null, chunk as unknown as number[])));
  }
  return parts.join('');
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
