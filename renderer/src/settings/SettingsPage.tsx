import { useLedger } from '../store/context';
import { BackupCard } from './BackupCard';
import { DiagnosticsCard } from './DiagnosticsCard';
import { DirectoryEditor } from './DirectoryEditor';
import { InstallationCard } from './InstallationCard';
import { OfficeSettingsForm } from './OfficeSettingsForm';
import { ReportingDeadlineCard } from './ReportingDeadlineCard';

export default function SettingsPage() {
  const settings = useLedger((s) => s.settings);
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title" className="page-title">
        设置
      </h1>
      <div className="settings-top">
        {settings ? (
          <OfficeSettingsForm settings={settings} />
        ) : (
          <div className="card">
            <p className="loading" role="status">
              正在读取设置…
            </p>
          </div>
        )}
        <InstallationCard />
      </div>
      {settings ? <ReportingDeadlineCard settings={settings} /> : null}
      <BackupCard />
      <DirectoryEditor kind="departments" />
      <DirectoryEditor kind="units" />
      <DiagnosticsCard />
    </section>
  );
}
