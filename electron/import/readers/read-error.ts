/**
 * Why a file could not be read. `message` is Simplified Chinese for the clerk and always says what to
 * do next; it never carries an English library message or a stack.
 */
export type ReadErrorCode =
  | 'UNSUPPORTED_FORMAT'
  | 'LEGACY_WORD'
  | 'WPS'
  | 'SCANNED_PDF'
  | 'EMPTY'
  | 'CORRUPT'
  | 'TOO_LARGE'
  | 'ENCRYPTED';

export const readErrorMessages: Record<ReadErrorCode, string> = {
  UNSUPPORTED_FORMAT: '无法识别该文件的格式。请导入 Word（.docx）、Excel（.xlsx）、PDF 或文本（.txt）文件，或直接粘贴文字',
  LEGACY_WORD: '这是旧版 Word 文档（.doc），无法直接读取。请用 WPS 或 Word 打开它，点“文件 → 另存为”，保存为 .docx 格式后再导入',
  WPS: '这是 WPS 专用格式文件（.wps），无法直接读取。请用 WPS 打开它，点“文件 → 另存为”，文件类型选“Word 文件（*.docx）”，保存后再导入',
  SCANNED_PDF: '该 PDF 没有文字层（可能是扫描件），请使用原始 Word 文件或文字版 PDF',
  EMPTY: '文件中没有文字内容。请确认选对了文件，或直接粘贴文字',
  CORRUPT: '文件已损坏或不完整，无法读取。请重新获取原文件（如重新下载或重新复制）后再导入',
  TOO_LARGE: '文件太大，无法导入（上限 50 MB）。请只导入计划文件本身，或将其拆分后分别导入',
  ENCRYPTED: '文件设有打开密码，无法读取。请在 WPS、Word 或 PDF 阅读器中输入密码打开，取消密码后另存一份再导入',
};

export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string = readErrorMessages[code],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ReadError';
  }
}
