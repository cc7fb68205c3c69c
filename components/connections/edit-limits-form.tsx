"use client";

import { useState, type FormEvent } from "react";
import { draftFromPolicy, parseLimitsInput, type LimitsDraft, type LimitsField } from "@/lib/connections/limits-input";
import { policyLimitsOf, type ConnectionSummary } from "@/lib/connections/wire";
import { isProviderId } from "@/lib/providers/registry";
import { updateConnectionLimits } from "@/lib/vault/vault-store";
import { LimitsFields } from "../limits/limits-fields";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";

/** New budget, rpm, models and expiry, signed in this browser with the connection's key. */
export function EditLimitsForm({ connection, onSaved, onCancel }: { connection: ConnectionSummary; onSaved: () => void; onCancel: () => void }) {
  const [limits, setLimits] = useState<LimitsDraft>(() => draftFromPolicy(policyLimitsOf(connection.policy)));
  const [fieldError, setFieldError] = useState<{ field: LimitsField; message: string } | null>(null);
  const action = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    setFieldError(null);
    action.clearError();
    const parsed = parseLimitsInput({ draft: limits, nowMs: Date.now(), current: policyLimitsOf(connection.policy) });
    if (!parsed.ok) return setFieldError(parsed);
    void action.run(async () => {
      await updateConnectionLimits({ connection, limits: parsed.limits });
      onSaved();
    });
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={`Limits of ${connection.name}`}>
      <Notice tone="error">{action.error}</Notice>
      <LimitsFields id={`limits-${connection.id}`} value={limits} onChange={setLimits} error={fieldError} providers={connection.policy.providers.filter(isProviderId)} expiry origins />
      <div className="key-actions">
        <Button type="submit" busy={action.busy} busyLabel="Signing…">Save limits</Button>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
