"use client";

import { useState, type ReactNode } from "react";
import type { LimitsDraft, LimitsField } from "@/lib/connections/limits-input";
import { policyModelsFromInput } from "@/lib/connections/policy-models";
import type { ProviderId } from "@/lib/providers/types";
import { Field } from "../ui/field";

export interface LimitsFieldsProps {
  /** Prefix of the fields' ids ("token", "consent", "limits-<id>"). */
  id: string;
  value: LimitsDraft;
  onChange: (next: LimitsDraft) => void;
  /** The parser's problem (lib/connections/limits-input.ts), shown under its field. */
  error?: { field: LimitsField; message: string } | null;
  /** The providers the connection may use (which models can be chosen). */
  providers: readonly ProviderId[];
  /** Offer an expiry date (tokens and Edit limits; apps' connections last until revoked). */
  expiry?: boolean;
  /** false: the models are chosen elsewhere (the consent page's list of what the app asked for). */
  models?: boolean;
  /** Said under the budget. */
  budgetHint?: ReactNode;
}

/** The limits of a connection, the same in the token form, the consent form and Edit limits. */
export function LimitsFields({ id, value, onChange, error, providers, expiry = false, models = true, budgetHint }: LimitsFieldsProps) {
  const [modelText, setModelText] = useState(value.models.join(", "));
  const set = (patch: Partial<LimitsDraft>) => onChange({ ...value, ...patch });
  const problem = (field: LimitsField) => (error?.field === field ? error.message : null);
  return (
    <>
      {models ? (
        <Field
          id={`${id}-models`}
          label="Allowed models (optional)"
          value={modelText}
          onChange={(e) => {
            setModelText(e.target.value);
            set({ models: policyModelsFromInput({ text: e.target.value, providers }) });
          }}
          placeholder="gpt-4o-mini, groq/llama-3.3-70b-versatile (empty: any model of the chosen keys)"
          error={problem("models")}
        />
      ) : null}
      <div className="row">
        <Field className="grow" id={`${id}-budget`} label="Monthly budget (USD)" inputMode="decimal" value={value.budget} onChange={(e) => set({ budget: e.target.value })} placeholder="no cap" hint={budgetHint} error={problem("budget")} />
        <Field className="grow" id={`${id}-rpm`} label="Requests per minute" inputMode="numeric" value={value.rpm} onChange={(e) => set({ rpm: e.target.value })} placeholder="no limit" error={problem("rpm")} />
        {expiry ? <Field className="grow" id={`${id}-expires`} label="Expires (optional)" type="date" value={value.expires} onChange={(e) => set({ expires: e.target.value })} error={problem("expires")} /> : null}
      </div>
    </>
  );
}
