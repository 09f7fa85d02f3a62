/*
 * The browser host's request size, shared by the host (which refuses larger bodies as they stream)
 * and the renderer's HTTP bridge (which refuses them before sending, with the same sentence).
 *
 * The largest legitimate call is a document import: a 50 MB file travels as at most 70,000,000
 * base64 characters plus its JSON. 100 MiB fits it with room to spare and is as much as the host
 * should ever hold in memory for one request; it also caps what the browser version can import as
 * a package in one go (about 75 MB of package files, all parts together). The desktop app and the
 * CLI do not go through HTTP and keep the package limits in shared/sync/limits.ts.
 */
export const MAX_HTTP_BODY_BYTES = 100 * 1024 * 1024;

export function bodyTooLargeMessage(bytes: number | null): string {
  const limit = `${MAX_HTTP_BODY_BYTES / 1024 ** 2} MB`;
  const size = bytes === null ? '' : `共 ${Math.ceil(bytes / 1024 ** 2)} MB，`;
  return `要发送的内容${size}超过浏览器版一次 ${limit} 的上限，未作任何改动。请把文件拆小后重试，或改用桌面版目标台账`;
}
