import type { z } from 'zod';

/**
 * Turn zod issues into one Chinese sentence plus per-field messages for forms. Its own module
 * because the Electron main process validates IPC arguments with it and must not load the core.
 */
export function describeIssues(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.code === 'unrecognized_keys' ? `不认识的参数：${(issue as { keys: string[] }).keys.join('、')}` : issue.message;
  }
  const first = Object.values(fields)[0] ?? '输入的内容不符合要求';
  return { message: first.startsWith('Invalid') ? '输入的内容不符合要求' : first, fields };
}
