import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * A labelled field: its label, the control (an <input> from the props, or `children` for a
 * select or anything else), a hint, and its own problem as a sentence (linked for screen
 * readers with aria-describedby).
 */
export function Field({ id, label, hint, error, className, children, ...input }: InputHTMLAttributes<HTMLInputElement> & { id: string; label: ReactNode; hint?: ReactNode; error?: string | null; children?: ReactNode }) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={["field", className ?? ""].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {children ?? <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />}
      {hint ? <span className="hint" id={`${id}-hint`}>{hint}</span> : null}
      {error ? <span className="field-error" id={`${id}-error`} role="alert">{error}</span> : null}
    </div>
  );
}
