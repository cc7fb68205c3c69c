import type { ButtonHTMLAttributes, ReactNode } from "react";

type Variant = "primary" | "secondary" | "danger" | "secondary-danger";

const CLASSES: Record<Variant, string> = {
  primary: "button",
  secondary: "button secondary",
  danger: "button danger",
  "secondary-danger": "button secondary danger",
};

/**
 * A button that says what it is doing: while `busy` it is disabled and shows `busyLabel`
 * ("Saving…"). type="button" unless given, so it never submits a form by accident.
 */
export function Button({ variant = "primary", busy = false, busyLabel, block, className, disabled, children, type = "button", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean; busyLabel?: ReactNode; block?: boolean }) {
  const classes = [CLASSES[variant], block ? "block" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <button {...rest} type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
