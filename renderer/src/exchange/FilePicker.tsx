import { useRef, useState, type DragEvent } from 'react';

interface FilePickerProps {
  readonly title: string;
  readonly button: string;
  readonly accept: string;
  readonly multiple: boolean;
  readonly hint: string;
  readonly disabled: boolean;
  readonly onFiles: (files: File[]) => void;
}

/** Drag files here, or pick them. */
export function FilePicker({ title, button, accept, multiple, hint, disabled, onFiles }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    if (!disabled) setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !disabled) onFiles(multiple ? files : files.slice(0, 1));
  };
  return (
    <div className={`exchange-drop${over ? ' exchange-drop-over' : ''}`} onDragOver={onDragOver} onDragEnter={onDragOver} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <p className="exchange-drop-title">{title}</p>
      <button type="button" className="button button-primary button-large" disabled={disabled} onClick={() => input.current?.click()}>
        {button}
      </button>
      <input
        ref={input}
        type="file"
        className="exchange-file-input"
        accept={accept}
        multiple={multiple}
        aria-label={button.replace(/…$/, '')}
        tabIndex={-1}
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Let the same file be chosen again after a correction.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <p className="exchange-drop-hint">{hint}</p>
    </div>
  );
}
