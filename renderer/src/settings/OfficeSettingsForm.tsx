import { useState, type FormEvent } from 'react';
import type { OfficeSettings } from '../../../shared/api/settings';
import { useLedger } from '../store/context';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

const roles = [
  { value: 'clerk', label: '填报员' },
  { value: 'reviewer', label: '审核员' },
] as const;

/** 单位名称, 单位代码, 填报人 and 角色. */
export function OfficeSettingsForm({ settings }: { settings: OfficeSettings }) {
  const saveSettings = useLedger((s) => s.saveSettings);
  const form = useForm();
  const [officeName, setOfficeName] = useState(settings.officeName);
  const [officeCode, setOfficeCode] = useState(settings.officeCode ?? '');
  const [clerkName, setClerkName] = useState(settings.clerkName);
  const [role, setRole] = useState<OfficeSettings['role']>(settings.role);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(() => saveSettings({ officeName, officeCode: officeCode.trim() ? officeCode : null, clerkName, role }));
  };

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="office-settings-title">
      <h2 id="office-settings-title" className="card-title">
        单位信息
      </h2>
      <div className="form-grid">
        <TextField label="单位名称" value={officeName} onChange={setOfficeName} error={form.errors.officeName} required maxLength={60} />
        <TextField label="单位代码" hint="可选" value={officeCode} onChange={setOfficeCode} error={form.errors.officeCode} maxLength={30} />
        <TextField
          label="填报人"
          hint="本机使用人的姓名，记入每一条修改记录"
          value={clerkName}
          onChange={setClerkName}
          error={form.errors.clerkName}
          maxLength={30}
        />
        <fieldset className="field radio-group">
          <legend className="field-label">角色</legend>
          <div className="radio-options">
            {roles.map((option) => (
              <label key={option.value} className="radio">
                <input type="radio" name="role" value={option.value} checked={role === option.value} onChange={() => setRole(option.value)} />
                {option.label}
              </label>
            ))}
          </div>
          <p className="field-hint">角色只用来区分填报和审核两个环节，方便分工，并不限制权限：本机上任何人都可以查看和修改全部数据。</p>
          {form.errors.role ? (
            <p className="field-error" role="alert">
              {form.errors.role}
            </p>
          ) : null}
        </fieldset>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.saving}>
          {form.saving ? '正在保存…' : '保存设置'}
        </button>
      </div>
    </form>
  );
}
