import { memo, useId } from 'react';
import { useLedger } from '../store/context';
import { addTarget, removeTarget, updateTarget } from './draft-ops';
import { chineseMagnitude, comparatorLabels, comparatorOrder, valueKindLabels, valueKindOrder } from './labels';
import { comparatorMark } from './highlights';
import { NumberInput } from './NumberInput';
import type { DraftTarget } from './types';

/** One target: the metric on its own line, then comparator, value(s), unit, kind and year. */
const TargetRow = memo(function TargetRow({ target }: { target: DraftTarget }) {
  const edit = useLedger((s) => s.editImportDraft);
  const id = useId();
  const patch = (values: Partial<Omit<DraftTarget, 'uid'>>) => edit((d) => updateTarget(d, target.uid, values));
  const between = target.comparator === 'between';
  return (
    <li className={`target-row target-${comparatorMark(target.comparator)}`} aria-label={`指标 ${target.metric || '（未填写）'}`}>
      <div className="target-metric">
        <label className="target-label" htmlFor={`${id}-metric`}>
          指标
        </label>
        <input
          id={`${id}-metric`}
          className={`input input-small${target.metric.trim() ? '' : ' input-invalid'}`}
          value={target.metric}
          placeholder="例如：居民健康素养水平"
          onChange={(event) => patch({ metric: event.target.value })}
        />
        <button type="button" className="button button-small button-danger-text" aria-label={`删除指标 ${target.metric}`} onClick={() => edit((d) => removeTarget(d, target.uid))}>
          删除
        </button>
      </div>
      <div className="target-values">
        <label className="target-cell">
          <span className="target-label">比较</span>
          <select className="input input-small" value={target.comparator} onChange={(event) => patch({ comparator: event.target.value as DraftTarget['comparator'], valueMax: event.target.value === 'between' ? (target.valueMax ?? target.value) : null })}>
            {comparatorOrder.map((c) => (
              <option key={c} value={c}>
                {comparatorLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <div className="target-cell">
          <label className="target-label" htmlFor={`${id}-value`}>
            {between ? '下限' : '目标值'}
          </label>
          <NumberInput id={`${id}-value`} className="input-small" label="目标值" value={target.value} onChange={(v) => v !== null && patch({ value: v })} />
          {chineseMagnitude(target.value) ? <span className="target-hint">即 {chineseMagnitude(target.value)}</span> : null}
        </div>
        <div className="target-cell">
          <label className="target-label" htmlFor={`${id}-max`}>
            上限
          </label>
          <NumberInput id={`${id}-max`} className="input-small" label="上限" value={between ? target.valueMax : null} optional={!between} disabled={!between} onChange={(v) => patch({ valueMax: v })} />
          {between && target.valueMax !== null && chineseMagnitude(target.valueMax) ? <span className="target-hint">即 {chineseMagnitude(target.valueMax)}</span> : null}
        </div>
        <label className="target-cell">
          <span className="target-label">单位</span>
          <input className="input input-small" value={target.unit} placeholder="%" onChange={(event) => patch({ unit: event.target.value })} />
        </label>
        <label className="target-cell">
          <span className="target-label">类型</span>
          <select className="input input-small" value={target.valueKind} onChange={(event) => patch({ valueKind: event.target.value as DraftTarget['valueKind'] })}>
            {valueKindOrder.map((k) => (
              <option key={k} value={k}>
                {valueKindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <div className="target-cell">
          <label className="target-label" htmlFor={`${id}-year`}>
            目标年份
          </label>
          <NumberInput id={`${id}-year`} className="input-small" label="目标年份" integer optional value={target.targetYear} onChange={(v) => patch({ targetYear: v })} />
        </div>
      </div>
      {target.phrase ? <p className="target-phrase">原文：{target.phrase}</p> : null}
    </li>
  );
});

/** The targets of a task (or those of no task), with 添加指标. */
export function TargetEditor({ taskKey, targets, title }: { taskKey: string | null; targets: readonly DraftTarget[]; title: string }) {
  const edit = useLedger((s) => s.editImportDraft);
  return (
    <div className="targets" role="group" aria-label={title}>
      {targets.length > 0 ? (
        <ul className="target-list">
          {targets.map((target) => (
            <TargetRow key={target.uid} target={target} />
          ))}
        </ul>
      ) : (
        <p className="field-hint">没有识别出量化指标。</p>
      )}
      <button type="button" className="button button-small" onClick={() => edit((d) => addTarget(d, taskKey))}>
        + 添加指标
      </button>
    </div>
  );
}
