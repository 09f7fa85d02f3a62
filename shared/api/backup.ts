/** 备份与恢复 (filled in by the backup work of issue 8). */
export const backupApi = {} as const;
