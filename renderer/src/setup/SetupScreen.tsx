import { useState, type FormEvent } from 'react';
import type { PcRole } from '../../../shared/api/system';
import { useLedger } from '../store/context';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

const roles: readonly { value: PcRole; label: string; detail: string }[] = [
  { value: 'office', label: '办公室', detail: '汇总全单位的计划和进展，审核各科室上报的填报' },
  { value: 'department', label: '科室', detail: '填报本科室牵头任务的进展，上报给办公室' },
];

/** First start: who this PC belongs to, and whether it reviews (办公室) or reports (科室). */
export function SetupScreen() {
  const initialize = useLedger((s) => s.initialize);
  const form = useForm();
  const [officeName, setOfficeName] = useState('');
  const [officeCode, setOfficeCode] = useState('');
  const [pcRole, setPcRole] = useState<PcRole>('office');
  const [departmentName, setDepartmentName] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(() =>
      initialize({
        officeName,
        ...(officeCode.trim() ? { officeCode } : {}),
        pcRole,
        ...(pcRole === 'department' ? { departmentName } : {}),
      }),
    );
  };

  return (
    <div className="startup">
      <form className="card setup-card" onSubmit={onSubmit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title" className="setup-title">
          欢迎使用目标台账
        </h1>
        <p className="setup-intro">第一次使用，请填写本单位信息。这些信息会出现在报表和交换的数据中，以后可以在“设置”中修改。</p>
        <TextField
          label="单位名称"
          value={officeName}
          onChange={setOfficeName}
          error={form.errors.officeName}
          placeholder="例如：渝北区卫生健康委"
          required
          autoFocus
          maxLength={60}
        />
        <TextField
          label="单位代码"
          hint="可选，填写统一社会信用代码或上级分配的代码；办公室和各科室电脑请填写一致"
          value={officeCode}
          onChange={setOfficeCode}
          error={form.errors.officeCode}
          maxLength={30}
        />
        <fieldset className="field radio-group setup-role">
          <legend className="field-label">本机用途</legend>
          <div className="setup-role-options">
            {roles.map((role) => (
              <label key={role.value} className="radio setup-role-option">
                <input type="radio" name="pcRole" value={role.value} checked={pcRole === role.value} onChange={() => setPcRole(role.value)} />
                <span>
                  <strong>{role.label}</strong>
                  <span className="field-hint">{role.detail}</span>
                </span>
              </label>
            ))}
          </div>
          {form.errors.pcRole ? (
            <p className="field-error" role="alert">
              {form.errors.pcRole}
            </p>
          ) : null}
        </fieldset>
        {pcRole === 'department' ? (
          <TextField
            label="本机所属科室"
            hint="填写科室名称或常用简称（例如：疾控科）；导入办公室的下发数据包后，会自动对应到办公室科室名单中的科室"
            value={departmentName}
            onChange={setDepartmentName}
            error={form.errors.departmentName}
            required
            maxLength={40}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary button-large" disabled={form.saving}>
            {form.saving ? '正在初始化…' : '开始使用'}
          </button>
        </div>
      </form>
    </div>
  );
}
