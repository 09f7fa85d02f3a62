import { useId } from 'react';
import { planKindLabels, planKinds, type PlanKind } from '../../../shared/domain/plan-kinds';
import { useLedger } from '../store/context';
import { DateInput } from '../ui/DateInput';
import { NumberInput } from './NumberInput';
import type { ReviewDraft } from './types';

type Meta = Pick<ReviewDraft, 'title' | 'kind' | 'docNumber' | 'issuer' | 'issuedOn' | 'yearFrom' | 'yearTo'>;

/** 计划信息 as read from the document's head: title, kind, number, issuer, date, years. */
export function PlanMetaForm({ meta }: { meta: Meta }) {
  const edit = useLedger((s) => s.editImportDraft);
  const id = useId();
  const patch = (values: Partial<Meta>) => edit((d) => ({ ...d, ...values }));
  const text = (value: string) => (value.trim() === '' ? null : value);
  return (
    <section className="plan-meta" aria-label="计划信息">
      <h3 className="outline-title">计划信息</h3>
      <div className="plan-meta-grid">
        <div className={`field plan-meta-title${meta.title.trim() ? '' : ' field-invalid'}`}>
          <label className="field-label" htmlFor={`${id}-title`}>
            计划标题
          </label>
          <input id={`${id}-title`} className="input" value={meta.title} maxLength={200} placeholder="文件中没有识别出标题，请填写" onChange={(event) => patch({ title: event.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-kind`}>
            计划类型
          </label>
          <select id={`${id}-kind`} className="input" value={meta.kind} onChange={(event) => patch({ kind: event.target.value as PlanKind })}>
            {planKinds.map((k) => (
              <option key={k} value={k}>
                {planKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-doc`}>
            文号
          </label>
          <input id={`${id}-doc`} className="input" value={meta.docNumber ?? ''} maxLength={60} onChange={(event) => patch({ docNumber: text(event.target.value) })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-issuer`}>
            印发单位
          </label>
          <input id={`${id}-issuer`} className="input" value={meta.issuer ?? ''} maxLength={60} onChange={(event) => patch({ issuer: text(event.target.value) })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-issued`}>
            印发日期
          </label>
          <DateInput id={`${id}-issued`} value={meta.issuedOn ?? ''} onChange={(value) => patch({ issuedOn: value || null })} />
        </div>
        <div className="field">
          <span className="field-label">起止年份</span>
          <div className="year-pair">
            <NumberInput label="起始年份" integer optional value={meta.yearFrom} onChange={(v) => patch({ yearFrom: v })} />
            <span aria-hidden="true">—</span>
            <NumberInput label="结束年份" integer optional value={meta.yearTo} onChange={(v) => patch({ yearTo: v })} />
          </div>
        </div>
      </div>
    </section>
  );
}
