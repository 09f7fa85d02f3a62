import type { ReportModel } from '../../shared/api/reports';
import { lightLabels } from '../../shared/domain/progress-status';
import { reportDateText } from '../../shared/domain/report-date';
import { chineseDate, chineseNumber, sentence, shortTitle } from '../../shared/reports/draft';
import { bodyParagraph, flushLeft, gongwenDocument, heading1, signature, titleBlock, type Block } from './docx-gongwen';
import { reportFonts } from './fonts';

/*
 * The Word 催办通知: the same 公文 page as the 情况报告, addressed to the departments, listing
 * each department's red and yellow tasks (red first) with why they are listed and when they are due.
 */

export function reminderTitle(model: Pick<ReportModel, 'officeName' | 'departmentName' | 'periodLabel'>): string {
  const who = model.departmentName ? `${model.officeName}${model.departmentName}` : model.officeName;
  return `${who}关于${model.periodLabel}重点工作催办事项的通知`;
}

function itemCount(model: ReportModel): number {
  return model.reminders.reduce((sum, group) => sum + group.items.length, 0);
}

/** The opening paragraph: how many items of how many departments, and what is asked of them. */
export function reminderOpening(model: ReportModel): string {
  const items = itemCount(model);
  if (items === 0) return `根据${model.periodLabel}重点工作推进情况，各项重点工作均按序时推进，暂无需要催办的事项。`;
  const red = model.reminders.reduce((sum, group) => sum + group.items.filter((item) => item.color === 'red').length, 0);
  const lights = [red > 0 ? `红灯${red}项` : '', items - red > 0 ? `黄灯${items - red}项` : ''].filter(Boolean).join('、');
  return (
    `根据${model.periodLabel}重点工作推进情况，${model.reminders.length}个科室牵头的${items}项工作进度滞后或存在风险（${lights}）。` +
    '请相关科室对照以下清单，逐项分析原因，明确整改措施和完成时限，加快推进，并在下次填报进展时一并说明整改情况。'
  );
}

/**
 * Why the item is listed, without the task's own quoted title (the lead names it). A department
 * that did not report gets its light for "not started"; say what it is: not reported.
 */
function reasonOf(item: ReportModel['reminders'][number]['items'][number]): string {
  if (item.status === '未填报') {
    const pace = /序时进度应达\d+%/.exec(item.reason)?.[0];
    return `本季度尚未填报进展情况${pace ? `（${pace}）` : ''}。`;
  }
  return sentence(item.reason.replace(`“${item.title}”`, '')).replace(/^[，、：]/, '');
}

/** `date`: the notice's date (YYYY-MM-DD) for the 落款; today when left out. */
export async function reminderDocument(model: ReportModel, date?: string): Promise<Uint8Array> {
  const fonts = reportFonts();
  const title = reminderTitle(model);
  const children: Block[] = [...titleBlock(title), flushLeft(model.departmentName ? `${model.departmentName}：` : '各相关科室：'), bodyParagraph(reminderOpening(model))];
  model.reminders.forEach((group, g) => {
    children.push(heading1(`${chineseNumber(g + 1)}、${group.departmentName}（${group.items.length}项）`));
    group.items.forEach((item, i) => {
      const due = item.deadline ? `完成时限：${item.deadline}。` : '';
      children.push(bodyParagraph(`${lightLabels[item.color]}：${reasonOf(item)}${due}`, `${i + 1}.${shortTitle(item.title)}。`));
    });
  });
  children.push(bodyParagraph('特此通知。', '', { keepWithSignature: true }));
  const office = model.departmentName ? `${model.officeName}${model.departmentName}` : model.officeName;
  children.push(...signature(office, date ? reportDateText(date) : chineseDate(model.generatedAt)));
  return gongwenDocument({ title, fonts, children, creator: model.officeName });
}
