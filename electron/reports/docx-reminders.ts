import { reminderKindLabels, type ReportModel } from '../../shared/api/reports';
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

/** The opening paragraph: how many items of how many departments, by why they are chased. */
export function reminderOpening(model: ReportModel): string {
  const items = itemCount(model);
  if (items === 0) return `根据${model.periodLabel}重点工作推进情况，各项重点工作均按序时推进、按时报送，暂无需要催办的事项。`;
  const all = model.reminders.flatMap((group) => group.items);
  const count = (test: (item: (typeof all)[number]) => boolean) => all.filter(test).length;
  const behind = count((item) => item.kind === 'behind');
  const red = count((item) => item.kind === 'behind' && item.color === 'red');
  const parts = [
    behind > 0 ? `进度滞后${behind}项（${[red > 0 ? `红灯${red}项` : '', behind - red > 0 ? `黄灯${behind - red}项` : ''].filter(Boolean).join('、')}）` : '',
    count((item) => item.kind === 'late') > 0 ? `逾期未报${count((item) => item.kind === 'late')}项` : '',
    count((item) => item.kind === 'returned') > 0 ? `退回修改后尚未重新报送${count((item) => item.kind === 'returned')}项` : '',
  ].filter(Boolean);
  return (
    `根据${model.periodLabel}重点工作推进情况，${model.reminders.length}个科室牵头的${items}项工作需要督促：${parts.join('，')}。` +
    '请相关科室对照以下清单，逐项分析原因，明确整改措施和完成时限，未报送的请尽快报送，并在下次填报进展时一并说明整改情况。'
  );
}

/** Why the item is listed, without the task's own quoted title (the lead names it). */
function reasonOf(item: ReportModel['reminders'][number]['items'][number]): string {
  if (item.kind === 'late') return '本季度进展逾期未报，请尽快报送。';
  if (item.kind === 'returned') return '填报已被退回修改，尚未重新报送。';
  return sentence(item.reason.replace(`“${item.title}”`, '')).replace(/^[，、：]/, '');
}

/** The item's lead word: its light when behind, otherwise why it is listed. */
const itemLabel = (item: ReportModel['reminders'][number]['items'][number]) => (item.kind === 'behind' ? lightLabels[item.color] : reminderKindLabels[item.kind]);

/** `date`: the notice's date (YYYY-MM-DD) for the 落款; today when left out. */
export async function reminderDocument(model: ReportModel, date?: string): Promise<Uint8Array> {
  const fonts = reportFonts();
  const title = reminderTitle(model);
  const children: Block[] = [...titleBlock(title), flushLeft(model.departmentName ? `${model.departmentName}：` : '各相关科室：'), bodyParagraph(reminderOpening(model))];
  model.reminders.forEach((group, g) => {
    children.push(heading1(`${chineseNumber(g + 1)}、${group.departmentName}（${group.items.length}项）`));
    group.items.forEach((item, i) => {
      const due = item.deadline ? `完成时限：${item.deadline}。` : '';
      children.push(bodyParagraph(`${itemLabel(item)}：${reasonOf(item)}${due}`, `${i + 1}.${shortTitle(item.title)}。`));
    });
  });
  children.push(bodyParagraph('特此通知。', '', { keepWithSignature: true }));
  const office = model.departmentName ? `${model.officeName}${model.departmentName}` : model.officeName;
  children.push(...signature(office, date ? reportDateText(date) : chineseDate(model.generatedAt)));
  return gongwenDocument({ title, fonts, children, creator: model.officeName });
}
