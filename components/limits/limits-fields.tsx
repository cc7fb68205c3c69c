"use client";

import type { ReactNode } from "react";
import type { LimitsDraft, LimitsField } from "@/lib/connections/limits-input";
import type { ProviderId } from "@/lib/providers/types";
import { FIT_MIN_OUTPUT_TOKENS } from "@/lib/limits/fit-output";
import { Field } from "../ui/field";
import { BudgetBuys } from "./budget-buys";
import { ModelPicker } from "./model-picker";

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
  /**
   * The models, when they are not picked here: the consent page passes the list of what the app
   * asked for (so the budget line can price them); absent, the model picker is shown.
   */
  fixedModels?: readonly string[];
  /** Said under the budget, after what it buys. */
  budgetHint?: ReactNode;
  /** Offer "Allowed web origins" (tokens and Edit limits; an app's come from its registration). */
  origins?: boolean;
}

/**
 * The limits of a connection, the same in the token form, the consent form and Edit limits (and
 * any other page that makes a connection): models from the catalogue, a monthly budget and what
 * it buys, requests per minute, an expiry, and "fit output to budget". The caller checks the
 * result with parseLimitsInput (lib/connections/limits-input.ts).
 */
export function LimitsFields({ id, value, onChange, error, providers, expiry = false, fixedModels, budgetHint, origins = false }: LimitsFieldsProps) {
  const set = (patch: Partial<LimitsDraft>) => onChange({ ...value, ...patch });
  const problem = (field: LimitsField) => (error?.field === field ? error.message : null);
  const models = fixedModels ?? value.models;
  return (
    <>
      {fixedModels ? null : <ModelPicker id={`${id}-models`} providers={providers} value={value.models} onChange={(next) => set({ models: next })} error={problem("models")} />}
      <div className="row">
        <Field
          className="grow"
          id={`${id}-budget`}
          label="Monthly budget (USD)"
          inputMode="decimal"
          value={value.budget}
          onChange={(e) => set({ budget: e.target.value })}
          placeholder="no cap"
          hint={
            <>
              <BudgetBuys budget={value.budget} providers={providers} models={models} /> {budgetHint}
            </>
          }
          error={problem("budget")}
        />
        <Field className="grow" id={`${id}-rpm`} label="Requests per minute" inputMode="numeric" value={value.rpm} onChange={(e) => set({ rpm: e.target.value })} placeholder="no limit" error={problem("rpm")} />
        {expiry ? <Field className="grow" id={`${id}-expires`} label="Expires (optional)" type="date" value={value.expires} onChange={(e) => set({ expires: e.target.value })} error={problem("expires")} /> : null}
      </div>
      <label className="check">
        <input type="checkbox" checked={value.fitOutput} onChange={(e) => set({ fitOutput: e.target.checked })} aria-describedby={`${id}-fit-hint`} />
        <span>
          Fit output to the budget
          <span className="hint" id={`${id}-fit-hint`}>
            {" "}
            When a request could cost more than the budget has left, lower its output limit (max_tokens) to what fits, if that is at least {FIT_MIN_OUTPUT_TOKENS} tokens, instead of refusing it.
          </span>
        </span>
      </label>
      {origins ? (
        <Field
          id={`${id}-origins`}
          label="Allowed web origins (optional)"
          value={value.origins}
          onChange={(e) => set({ origins: e.target.value })}
          placeholder="none"
          autoComplete="off"
          spellCheck={false}
          hint="Web pages that may use this token from the browser, such as https://app.example (http only on localhost); separate several with spaces. Leave empty for programs and servers: a page on any other site is refused."
          error={problem("origins")}
        />
      ) : null}
    </>
  );
}
