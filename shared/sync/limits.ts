/*
 * How large a received package may be, checked from the file sizes before anything is read, so the
 * 数据交换 page, the CLI and a double-click agree, and a too-large file gets a sentence saying what
 * to do instead of a failed read (a 600 MB file's base64 is past what one string can hold).
 *
 * One file (a whole package or one part of a split one): 100 MB. Its base64 (133 M characters)
 * stays well inside a JavaScript string, and parts that size also suit mail.
 * All parts together: 300 MB, what the desktop opens at once on a double-click; the core holds
 * the joined package and its parts in memory while it checks them.
 */
export const MAX_PACKAGE_FILE_MB = 100;
export const MAX_PACKAGE_TOTAL_MB = 300;

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.ceil(bytes / MB);

export interface PickedFile {
  readonly name: string;
  readonly size: number;
}

/** A Chinese refusal for files too large to import, or null when they may be read. */
export function packageSizeProblem(files: readonly PickedFile[]): string | null {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_PACKAGE_TOTAL_MB * MB) {
    return `所选数据包共 ${mb(total)} MB，超过一次可导入的 ${MAX_PACKAGE_TOTAL_MB} MB，无法读取，未作任何改动。请让对方按季度或科室分批导出，每批不超过 ${MAX_PACKAGE_TOTAL_MB} MB，导出时选择分卷，每卷不超过 ${MAX_PACKAGE_FILE_MB} MB。`;
  }
  const large = files.find((file) => file.size > MAX_PACKAGE_FILE_MB * MB);
  if (large) {
    return `数据包“${large.name}”有 ${mb(large.size)} MB，超过单个文件 ${MAX_PACKAGE_FILE_MB} MB 的上限，无法读取，未作任何改动。请让对方导出时选择分卷，每卷不超过 ${MAX_PACKAGE_FILE_MB} MB，收到后把全部分卷一起导入。`;
  }
  return null;
}
