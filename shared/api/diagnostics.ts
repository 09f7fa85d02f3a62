/** 诊断信息 and the local log (filled in by the fault-handling work of issue 8). */
export const diagnosticsApi = {} as const;
