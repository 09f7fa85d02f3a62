/** Error codes every call may return, with the default Chinese text a clerk reads. */
export const errorMessages = {
  INVALID_ARGUMENT: '输入的内容不符合要求',
  UNKNOWN_CALL: '未知的操作',
  FORBIDDEN: '已拒绝：请求不是来自本程序的页面',
  NOT_INITIALIZED: '尚未完成初始化，请先填写本单位信息',
  ALREADY_INITIALIZED: '本机已完成初始化',
  NOT_FOUND: '要操作的记录不存在或已删除',
  DUPLICATE: '已存在同名记录',
  CONFLICT: '该记录已被他人修改或已锁定，请刷新后再试',
  LOCKED: '该进展已审核锁定，如需修改请由办公室解锁',
  DATABASE_NEWER: '数据库由更新版本的目标台账创建，请升级本软件后再打开',
  DATABASE_LOCKED: '数据库正被其他程序占用，请关闭其他目标台账窗口后重试',
  DISK_FULL: '磁盘空间不足，本次操作未保存',
  READ_ONLY: '数据文件夹为只读，无法保存',
  CORRUPT: '数据库文件已损坏，请从备份恢复',
  NATIVE_MODULE: '数据库组件与当前运行环境不匹配',
  UNAVAILABLE: '该功能仅在桌面程序中可用',
  INTERNAL: '程序内部错误，本次操作未保存',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field-level problems for forms, keyed by argument path (e.g. `name`, `aliases.0`). */
  readonly fields?: Readonly<Record<string, string>>;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message?: string, fields?: Record<string, string>): ApiResult<never> {
  const error: ApiError = fields
    ? { code, message: message ?? errorMessages[code], fields }
    : { code, message: message ?? errorMessages[code] };
  return { ok: false, error };
}
