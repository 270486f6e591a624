/** A step Settings asks about in place before taking it: what it does, then go ahead or cancel. */
export function ConfirmStep({ id, question, consequence, confirm, onConfirm, onCancel }: { id: string; question: string; consequence: string; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="notice settings-confirm" role="group" aria-labelledby={id}>
      <p className="notice-title" id={id}>
        {question}
      </p>
      <p className="notice-hint">{consequence}</p>
      <div className="settings-actions">
        <button type="button" className="button" onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
