"use client";

import { useEffect, useState } from "react";
import type { PasswordVerdict } from "@/lib/vault/password-strength";

/** Live strength estimate (zxcvbn-ts, loaded on demand) with advice. */
export function PasswordStrength({ password, userInputs, onVerdict }: { password: string; userInputs: string[]; onVerdict: (v: PasswordVerdict | null) => void }) {
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const inputsKey = userInputs.join("\u0000");
  useEffect(() => {
    let cancelled = false;
    if (!password) {
      onVerdict(null);
      return;
    }
    import("@/lib/vault/password-strength").then(({ ratePassword }) => {
      if (cancelled) return;
      const v = ratePassword({ password, userInputs: inputsKey.split("\u0000") });
      setVerdict(v);
      onVerdict(v);
    });
    return () => {
      cancelled = true;
    };
  }, [password, inputsKey, onVerdict]);
  if (!verdict || !password) return null;
  return (
    <div className="strength" data-score={verdict.score} aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={verdict.score} aria-label="Password strength" />
      <span className="strength-label">{verdict.label}</span>
      {verdict.advice.length > 0 ? (
        <ul className="hint">
          {verdict.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
