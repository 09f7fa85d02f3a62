import { downloadBase64 } from '../quarterly/attachments';
import type { GeneratedReport } from '../store/reports';
import { mimeOf } from './choice';

/** 另存为…: the report's bytes as a download (the desktop app asks where to save it). */
export function saveReportAs(report: Pick<GeneratedReport, 'fileName' | 'contentBase64'>): void {
  downloadBase64(report.fileName, mimeOf(report.fileName), report.contentBase64);
}
