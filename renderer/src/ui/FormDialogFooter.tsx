/** 取消 / 保存 at the foot of a form dialog; both wait while the form is saving. */
export function FormDialogFooter({ saving, onCancel, saveLabel = '保存' }: { saving: boolean; onCancel: () => void; saveLabel?: string }) {
  return (
    <div className="modal-footer">
      <button type="button" className="button" onClick={onCancel} disabled={saving}>
        取消
      </button>
      <button type="submit" className="button button-primary" disabled={saving}>
        {saving ? '正在保存…' : saveLabel}
      </button>
    </div>
  );
}
