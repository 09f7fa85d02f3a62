import { useState, type FormEvent } from 'react';
import { useLedger } from '../store/context';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

/** First start: who this PC belongs to. */
export function SetupScreen() {
  const initialize = useLedger((s) => s.initialize);
  const form = useForm();
  const [officeName, setOfficeName] = useState('');
  const [officeCode, setOfficeCode] = useState('');
  const [departmentName, setDepartmentName] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(() =>
      initialize({
        officeName,
        ...(officeCode.trim() ? { officeCode } : {}),
        ...(departmentName.trim() ? { departmentName } : {}),
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
          hint="可选，填写统一社会信用代码或上级分配的代码"
          value={officeCode}
          onChange={setOfficeCode}
          error={form.errors.officeCode}
          maxLength={30}
        />
        <TextField
          label="本机所属科室"
          hint="可选，科室电脑填写（例如：疾病预防控制科）；办公室汇总用的电脑不填"
          value={departmentName}
          onChange={setDepartmentName}
          error={form.errors.departmentName}
          maxLength={40}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary button-large" disabled={form.saving}>
            {form.saving ? '正在初始化…' : '开始使用'}
          </button>
        </div>
      </form>
    </div>
  );
}
