"use client";

import { useMemo, useState } from "react";
import { formatPerMillion } from "@/lib/money/money";
import { listCatalogue, type CatalogueEntry } from "@/lib/providers/catalogue";
import type { ProviderId } from "@/lib/providers/types";

/** A catalogue entry as the picker lists it: the name clients send, and its prices per million tokens. */
export function describePrice(entry: CatalogueEntry): string {
  const fee = entry.price.requestFeeUsd > 0 ? ` · ${formatPerMillion(entry.price.requestFeeUsd).replace(/\.?0+$/, "")} a request` : "";
  return `in ${formatPerMillion(entry.price.rates.input)} · out ${formatPerMillion(entry.price.rates.output)} per 1M tokens${fee}`;
}

/**
 * The models a connection may use, picked from the gateway's catalogue (never typed): grouped by
 * provider, searchable, with input and output prices. Nothing picked means any model of the
 * granted providers. `value` holds upstream ids, as a policy does; one served by two granted
 * providers is one choice for both. Ids outside the catalogue (from older policies) are shown so
 * they can be removed: the server refuses them.
 */
export function ModelPicker({ id, providers, value, onChange, error }: { id: string; providers: readonly ProviderId[]; value: readonly string[]; onChange: (models: string[]) => void; error?: string | null }) {
  const [query, setQuery] = useState("");
  const catalogue = useMemo(() => listCatalogue({ providers }), [providers]);
  const known = new Set(catalogue.map((e) => e.model));
  const unknown = value.filter((m) => !known.has(m));
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = catalogue.filter((e) => words.every((w) => `${e.id} ${e.model} ${e.providerName}`.toLowerCase().includes(w)));
  const groups = providers.map((provider) => ({ provider, entries: shown.filter((e) => e.provider === provider) })).filter((g) => g.entries.length > 0);
  const toggle = (model: string, on: boolean) => onChange(on ? [...value, model].filter((m, i, all) => all.indexOf(m) === i) : value.filter((m) => m !== model));

  return (
    <fieldset className="field model-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Allowed models</legend>
      <p className="hint" id={`${id}-summary`} data-testid="models-summary">
        {value.length === 0 ? "Any model of the chosen keys. Pick models below to allow only those." : `Only ${value.length === 1 ? "this model" : `these ${value.length} models`}:`}
      </p>
      {value.length > 0 ? (
        <ul className="chips" aria-label="Chosen models">
          {value.map((model) => (
            <li key={model} className={known.has(model) ? "chip" : "chip warning"}>
              <code>{model}</code>
              {known.has(model) ? null : <span> (not in the catalogue: remove it)</span>}
              <button type="button" aria-label={`Remove ${model}`} onClick={() => toggle(model, false)}>×</button>
            </li>
          ))}
        </ul>
      ) : null}
      {providers.length === 0 ? (
        <p className="hint">Choose a key first: its provider&apos;s models appear here.</p>
      ) : (
        <>
          <label className="visually-hidden" htmlFor={`${id}-search`}>Search models</label>
          <input id={`${id}-search`} type="search" placeholder="Search models (e.g. mini, llama, claude)" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
          <div className="model-list" role="group" aria-label="Models in the catalogue">
            {groups.length === 0 ? <p className="hint">No model matches “{query}”.</p> : null}
            {groups.map(({ provider, entries }) => (
              <div key={provider} role="group" aria-label={entries[0]!.providerName}>
                <div className="model-group">{entries[0]!.providerName}</div>
                {entries.map((entry) => (
                  <label key={`${entry.provider}/${entry.model}`} className="model-option">
                    <input type="checkbox" checked={value.includes(entry.model)} onChange={(e) => toggle(entry.model, e.target.checked)} />
                    <span>
                      <code>{entry.id}</code> <span className="hint">{describePrice(entry)}</span>
                    </span>
                  </label>
                ))}
              </div>
            ))}
          </div>
        </>
      )}
      {unknown.length > 0 ? <span className="hint">Models outside the catalogue cannot be saved: no request could use them.</span> : null}
      {error ? <span className="field-error" id={`${id}-error`} role="alert">{error}</span> : null}
    </fieldset>
  );
}
