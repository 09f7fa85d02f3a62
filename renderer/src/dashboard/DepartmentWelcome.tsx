import { useLedger } from '../store/context';
import { EmptyState } from '../ui/EmptyState';

/**
 * A department PC's home before the office's 下发 arrived: its tasks come from the office's
 * package (数据交换), not from importing the plan itself.
 */
export function DepartmentWelcome({ departmentName }: { departmentName: string }) {
  const goTo = useLedger((s) => s.goTo);
  const setExchangeTab = useLedger((s) => s.setExchangeTab);
  return (
    <EmptyState
      title="请导入办公室的下发数据包"
      action={
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setExchangeTab('import');
            goTo('exchange');
          }}
        >
          导入下发数据包
        </button>
      }
    >
      <p>
        本机是{departmentName ? `“${departmentName}”的` : ''}科室电脑。办公室在“数据交换”中导出下发给本科室的数据包（.tlpkg 文件），用U盘或邮件传到本机后，在“数据交换 → 导入数据包”中导入，本科室牵头的任务就会出现在这里和“季度填报”中。
      </p>
    </EmptyState>
  );
}
