/** 佐证材料 a department may attach, as the contract describes them. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');

const legacy: Readonly<Record<string, string>> = {
  doc: '旧版 Word 文档（.doc）',
  xls: '旧版 Excel 表格（.xls）',
  wps: 'WPS 文字文件（.wps）',
  et: 'WPS 表格文件（.et）',
};

/** Why a file cannot be attached, in words a clerk can act on; null when it can. */
export function attachmentProblem(fileName: string, size: number): string | null {
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  if (legacy[ext]) return `“${fileName}”是${legacy[ext]}，请另存为 .docx 或 .xlsx，或导出为 PDF 后再添加`;
  if (!ATTACHMENT_TYPES[ext]) return `“${fileName}”的格式不能作为佐证材料，请使用 PDF、Word（.docx）、Excel（.xlsx）或图片（.jpg、.png）`;
  if (size === 0) return `“${fileName}”是空文件，请检查后重新选择`;
  if (size > MAX_ATTACHMENT_BYTES) return `“${fileName}”超过20MB，请压缩或拆分后再添加`;
  return null;
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Save a file the core sent back: through a Blob URL, as a download the clerk can open. */
export function downloadBase64(fileName: string, mime: string, contentBase64: string): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime || 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
