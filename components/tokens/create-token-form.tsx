"use client";

import { useState, type FormEvent } from "react";
import { connectionsApi } from "@/lib/connections/connections-api";
import { parseLimitsInput, type LimitsDraft, type LimitsField } from "@/lib/connections/limits-input";
import type { ConnectionSummary } from "@/lib/connections/wire";
import { providerNames } from "@/lib/vault/provider-keys";
import { createScopedToken } from "@/lib/vault/vault-store";
import type { ProviderId } from "@/lib/providers/registry/provider-ids";
import { providerIds, type VaultItemRecord } from "@/lib/vault/wire";
import { LimitsFields } from "../limits/limits-fields";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";

const FRESH: LimitsDraft = { budget: "10", rpm: "60", expires: "", models: [], fitOutput: false, origins: "" };

/** What the form starts with (the "Use with agents" page fills it for an agent): the first vault key of each provider is chosen. */
export interface TokenFormDefaults {
  name?: string;
  providers?: readonly ProviderId[];
  models?: readonly string[];
  budget?: string;
  rpm?: string;
}

const startLimits = (defaults: TokenFormDefaults): LimitsDraft => ({ ...FRESH, models: defaults.models ?? FRESH.models, budget: defaults.budget ?? FRESH.budget, rpm: defaults.rpm ?? FRESH.rpm });

const firstKeys = (items: VaultItemRecord[], providers: readonly ProviderId[] = []) =>
  Object.fromEntries(
    providers.flatMap((provider) => {
      const item = items.find((i) => i.provider === provider);
      return item ? [[provider, item.id]] : [];
    }),
  );

export function CreateTokenForm({ items, onCreated, defaults = {}, title = "Create a token" }: { items: VaultItemRecord[]; onCreated: (token: string, connection: ConnectionSummary) => void; defaults?: TokenFormDefaults; title?: string }) {
  const [name, setName] = useState(defaults.name ?? "");
  const [choice, setChoice] = useState<Record<string, string>>(() => firstKeys(items, defaults.providers));
  const [limits, setLimits] = useState<LimitsDraft>(() => startLimits(defaults));
  const [fieldError, setFieldError] = useState<{ field: LimitsField; message: string } | null>(null);
  const action = useAction();
  // Providers with a key in the vault get a choice; the others are named once.
  const held = providerIds.filter((provider) => items.some((i) => i.provider === provider));
  const missing = providerIds.filter((provider) => !held.includes(provider));
  const itemIds = Object.values(choice).filter(Boolean);
  const chosenProviders = held.filter((provider) => choice[provider]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setFieldError(null);
    action.clearError();
    if (!name.trim()) return action.fail("Give the token a name, like “Support bot”.");
    if (itemIds.length === 0) return action.fail("Choose at least one key the token may use.");
    const parsed = parseLimitsInput({ draft: limits, nowMs: Date.now() });
    if (!parsed.ok) return setFieldError(parsed);
    void action.run(async () => {
      const { token, connection } = await createScopedToken({ name: name.trim(), itemIds, policy: parsed.limits, save: connectionsApi.create });
      // The next token starts afresh (a model kept from this one could belong to a key not chosen next).
      setName("");
      setLimits(startLimits(defaults));
      onCreated(token, connection);
    });
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <p className="hint">For a bot or agent. It can call the gateway with the keys you choose, within these limits, and never sees the keys.</p>
      <Notice tone="error">{action.error}</Notice>
      <Field id="token-name" label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder="Support bot" />
      {missing.length > 0 ? <p className="hint">No key in your vault yet for {missing.map((p) => providerNames[p]).join(", ")}: add one in the vault to use it here.</p> : null}
      <div className="row">
        {held.map((provider) => (
          <Field className="grow" key={provider} id={`token-key-${provider}`} label={`${providerNames[provider]} key`}>
            <select id={`token-key-${provider}`} value={choice[provider] ?? ""} onChange={(e) => setChoice({ ...choice, [provider]: e.target.value })}>
              <option value="">Not allowed</option>
              {items
                .filter((i) => i.provider === provider)
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.label}
                  </option>
                ))}
            </select>
          </Field>
        ))}
      </div>
      <LimitsFields id="token" value={limits} onChange={setLimits} error={fieldError} providers={chosenProviders} expiry origins />
      <Button type="submit" busy={action.busy} busyLabel="Creating…">
        Create token
      </Button>
    </form>
  );
}
