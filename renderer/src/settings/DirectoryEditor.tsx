import { useState, type FormEvent } from 'react';
import { useLedger } from '../store/context';
import { directoryNoun, type DirectoryKind } from '../store/directory';
import { EmptyState } from '../ui/EmptyState';
import { TextField } from '../ui/Field';
import { splitList } from '../ui/format';
import { useForm } from '../ui/useForm';
import { DirectoryRow } from './DirectoryRow';

const notes: Record<DirectoryKind, string> = {
  departments: '任务的牵头科室从这里选择。别名是文件里常见的简称，例如“疾控科”是“疾病预防控制科”的别名，导入计划时据此识别。',
  units: '任务的责任单位可以从这里选择，也可以直接填写。别名例如“区疾控中心”是“区疾病预防控制中心”的别名。',
};

const examples: Record<DirectoryKind, string> = {
  departments: '例如：疾病预防控制科',
  units: '例如：区疾病预防控制中心',
};

function AddEntryForm({ kind }: { kind: DirectoryKind }) {
  const createEntry = useLedger((s) => s.createEntry);
  const noun = directoryNoun[kind];
  const form = useForm();
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await form.submit(() => createEntry(kind, { name, aliases: splitList(aliases) }));
    if (outcome?.ok) {
      setName('');
      setAliases('');
    }
  };
  return (
    <form className="inline-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={`添加${noun}`}>
      <TextField label={`${noun}名称`} value={name} onChange={setName} error={form.errors.name} placeholder={examples[kind]} maxLength={40} />
      <TextField
        label={`${noun}别名`}
        hint="可选，多个用“、”或逗号分隔"
        value={aliases}
        onChange={setAliases}
        error={form.errors.aliases}
        className="field-wide"
      />
      <div className="inline-form-actions">
        <button type="submit" className="button button-primary" disabled={form.saving}>
          {form.saving ? '正在添加…' : `添加${noun}`}
        </button>
      </div>
    </form>
  );
}

/** 科室 or 责任单位: add, rename, edit aliases, delete, history. */
export function DirectoryEditor({ kind }: { kind: DirectoryKind }) {
  const entries = useLedger((s) => s[kind]);
  const noun = directoryNoun[kind];
  const titleId = `directory-${kind}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {noun}
        {entries ? <span className="card-count">共 {entries.length} 个</span> : null}
      </h2>
      <p className="card-note">{notes[kind]}</p>
      <AddEntryForm kind={kind} />
      {entries === null ? (
        <p className="loading" role="status">
          正在读取…
        </p>
      ) : entries.length === 0 ? (
        <EmptyState title={`还没有${noun}`}>在上方填写{noun}全称，点“添加{noun}”。</EmptyState>
      ) : (
        <table className="table" aria-label={`${noun}列表`}>
          <thead>
            <tr>
              <th scope="col" className="col-name">
                名称
              </th>
              <th scope="col">别名</th>
              <th scope="col" className="col-actions">
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <DirectoryRow key={entry.id} kind={kind} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
