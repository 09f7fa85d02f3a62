import { useState } from 'react';
import { useLedger } from '../store/context';
import { addTask, updateSection } from './draft-ops';
import { draftSectionLabel } from './sections';
import type { DraftSection } from './types';

/** A section's heading: rename it in place, or add a task at its end. */
export function SectionHeading({ section, depth }: { section: DraftSection; depth: number }) {
  const edit = useLedger((s) => s.editImportDraft);
  const select = useLedger((s) => s.selectImportTask);
  const [editing, setEditing] = useState(false);
  const name = draftSectionLabel(section);
  const Heading = depth === 0 ? 'h3' : 'h4';

  const add = () => {
    let key = '';
    edit((d) => {
      const result = addTask(d, section.key);
      key = result.key;
      return result.draft;
    });
    select(key);
  };

  return (
    <div className="outline-head">
      {editing ? (
        <div className="outline-edit">
          <input className="input input-small outline-label-input" aria-label="章节序号" value={section.label} onChange={(event) => edit((d) => updateSection(d, section.key, { label: event.target.value }))} />
          <input className="input input-small" aria-label="章节标题" value={section.title} onChange={(event) => edit((d) => updateSection(d, section.key, { title: event.target.value }))} />
          <button type="button" className="button button-small" onClick={() => setEditing(false)}>
            完成
          </button>
        </div>
      ) : (
        <Heading className="outline-title">{name}</Heading>
      )}
      <div className="row-actions">
        {editing ? null : (
          <button type="button" className="button button-small" aria-label={`修改章节名称 ${name}`} onClick={() => setEditing(true)}>
            改名
          </button>
        )}
        <button type="button" className="button button-small" aria-label={`在“${name}”中添加任务`} onClick={add}>
          + 任务
        </button>
      </div>
    </div>
  );
}
