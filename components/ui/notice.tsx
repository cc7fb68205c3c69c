import type { ReactNode } from "react";

type Tone = "error" | "ok" | "info" | "warning";

/**
 * A message in a coloured box. Errors are announced at once (role="alert"), the rest politely
 * (role="status"). Nothing is rendered for an empty message.
 */
export function Notice({ tone, children, testId, className }: { tone: Tone; children: ReactNode; testId?: string; className?: string }) {
  if (children === null || children === undefined || children === false || children === "") return null;
  return (
    <div className={["alert", tone, className ?? ""].filter(Boolean).join(" ")} role={tone === "error" ? "alert" : "status"} data-testid={testId}>
      {children}
    </div>
  );
}
