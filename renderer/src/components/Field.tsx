import type { InputHTMLAttributes } from 'react';

type FieldProps = { label: string; value: string; onChange: (value: string) => void; hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/** A labelled text input whose value the form keeps as typed. */
export function Field({ label, value, onChange, hint, ...input }: FieldProps) {
  return (
    <label className="field">
      {label}
      <input value={value} onChange={(e) => onChange(e.target.value)} {...input} />
      {hint && <span className="hint">{hint}</span>}
    </label>
  );
}
