import { useState, type FormEvent } from 'react';

/** Paste the text of a plan (from a web page or an e-mail) instead of a file. */
export function PasteBox({ disabled, onSubmit }: { disabled: boolean; onSubmit: (text: string) => void }) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onSubmit(text);
  };
  return (
    <form className="paste-box" onSubmit={submit}>
      <label htmlFor="import-paste" className="field-label">
        计划全文
      </label>
      <textarea
        id="import-paste"
        className="input textarea paste-text"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={'把工作要点、规划或实施方案的全文粘贴到这里，例如：\n一、加强公共卫生体系建设\n1.强化疫情防控能力建设。……（牵头科室：疾控科，责任单位：委属各单位）'}
        rows={12}
        disabled={disabled}
      />
      <div className="paste-actions">
        <span className="field-hint">{text.trim() ? `共 ${text.trim().length} 字` : '从网页或 Word 中复制全文后粘贴'}</span>
        <button type="submit" className="button button-primary" disabled={disabled || text.trim() === ''}>
          识别粘贴的文字
        </button>
      </div>
    </form>
  );
}
