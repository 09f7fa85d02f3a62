import { fileToBase64 } from '../imports/base64';
import { downloadBase64 } from '../quarterly/attachments';
import type { PackageFile } from '../store/exchange';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The picked files as the contract takes them, in name order so split parts stay in sequence. */
export async function readPicked(files: Iterable<File>): Promise<PackageFile[]> {
  const list = [...files].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  return Promise.all(list.map(async (file) => ({ fileName: file.name, contentBase64: await fileToBase64(file) })));
}

/** Save a file the core made (a package, a part, a receipt or a sheet) as a download. */
export function saveFile(file: PackageFile): void {
  downloadBase64(file.fileName, file.fileName.toLowerCase().endsWith('.xlsx') ? XLSX_MIME : 'application/octet-stream', file.contentBase64);
}
