import { useRef, useState, type DragEvent } from 'react';

export const ACCEPTED_TYPES = '.docx,.pdf,.xlsx,.txt';

interface DropZoneProps {
  readonly disabled: boolean;
  readonly onFile: (file: File) => void;
}

/** Drag a plan file here, or pick one. */
export function DropZone({ disabled, onFile }: DropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    if (!disabled) setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <div
      className={`dropzone${over ? ' dropzone-over' : ''}${disabled ? ' dropzone-disabled' : ''}`}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="dropzone-title">把计划文件拖到这里</p>
      <p className="dropzone-or">或</p>
      <button type="button" className="button button-primary button-large" disabled={disabled} onClick={() => input.current?.click()}>
        选择文件…
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        accept={ACCEPTED_TYPES}
        aria-label="选择计划文件"
        tabIndex={-1}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Let the same file be chosen again after a correction.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <p className="dropzone-types">支持 Word（.docx）、PDF（.pdf）、Excel（.xlsx）和文本文件（.txt），一次导入一个文件</p>
    </div>
  );
}
