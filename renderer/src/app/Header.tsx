import { useLedger } from '../store/context';

const roleLabels = { clerk: '填报员', reviewer: '审核员' } as const;

/** App name, office, this PC's department, and who is working. */
export function Header() {
  const installation = useLedger((s) => s.status?.installation ?? null);
  const settings = useLedger((s) => s.settings);
  const goTo = useLedger((s) => s.goTo);
  const showAbout = useLedger((s) => s.showAbout);
  const officeName = settings?.officeName || installation?.officeName || '';
  return (
    <header className="header">
      <div className="header-brand">
        <span className="header-app">目标台账</span>
        <span className="header-office">{officeName}</span>
        {installation?.departmentName ? <span className="header-department">{installation.departmentName}</span> : null}
      </div>
      <div className="header-user">
        {settings && settings.clerkName ? (
          <>
            <span className="header-clerk">填报人：{settings.clerkName}</span>
            <span className="badge">{roleLabels[settings.role]}</span>
          </>
        ) : (
          <button type="button" className="link-button header-link" onClick={() => goTo('settings')}>
            尚未填写填报人，去设置
          </button>
        )}
        <button type="button" className="header-about" onClick={showAbout} title="版本、数据文件夹和本机信息">
          关于
        </button>
      </div>
    </header>
  );
}
